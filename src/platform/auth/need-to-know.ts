import { type Actor, hasRole } from './actor.js';

/**
 * Need-to-know: the kinds of personal data that are shown only to the roles granted them. Everyone
 * else who may read the record sees that something restricted is there, never what it is.
 */
export const restrictedCategories = ['trafficking', 'medical', 'minor'] as const;
export type RestrictedCategory = (typeof restrictedCategories)[number];

// The one table of routine grants. Managers are not in it on purpose: they open a case's restricted
// data by break-glass, with a reason, for a limited time, and every such access is reviewed.
const GRANTS: Record<RestrictedCategory, readonly string[]> = {
  trafficking: ['vulnerable_cases_officer'],
  medical: ['vulnerable_cases_officer'],
  minor: ['vulnerable_cases_officer', 'counsellor', 'resettlement_officer'],
};

/** The roles that may break the glass on a case's restricted data. */
export const BREAK_GLASS_ROLES = ['manager'] as const;
/** How long a break-glass access lasts. */
export const BREAK_GLASS_HOURS = 8;

/** What decides access to one record's restricted data besides the actor's roles. */
export interface RestrictedContext {
  /** The case's assigned user: the assigned counsellor needs health details to plan the return. */
  assigneeId: string | null;
  /** True while the actor holds a break-glass access to this case. */
  breakGlass?: boolean;
}

/** True when the actor may see data of this restricted category on this record. */
export function mayKnow(actor: Actor, category: RestrictedCategory, context: RestrictedContext): boolean {
  if (actor.partner || actor.system) return false;
  if (context.breakGlass) return true;
  if (hasRole(actor, ...GRANTS[category])) return true;
  return category === 'medical' && context.assigneeId === actor.id && hasRole(actor, 'counsellor');
}

/** The roles granted a category (for the permission matrix and the documentation). */
export function rolesGranted(category: RestrictedCategory): readonly string[] {
  return GRANTS[category];
}
