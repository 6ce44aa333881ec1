import { type Actor, hasRole, hasRoleAt } from '../../platform/auth/actor.js';

// Those who register referrals by hand or in bulk: the casework roles at the office concerned.
const INTAKE_ROLES = ['counsellor', 'manager', 'admin'];

/** Pure policy functions for partners, their API keys and webhooks, and referrals. */
export const partnerPolicy = {
  list: (actor: Actor) => hasRole(actor, 'admin', 'manager', 'counsellor'),
  manage: (actor: Actor) => hasRole(actor, 'admin'),
  /** A partner's key with referrals:write refers for that partner only; staff refer at their offices. */
  createReferral: (actor: Actor, referral: { partnerId: string; officeId: string }) =>
    actor.partner
      ? actor.partner.scopes.includes('referrals:write') && actor.partner.partnerId === referral.partnerId
      : hasRoleAt(actor, referral.officeId, ...INTAKE_ROLES),
  /** A partner reads only the referrals it made (cases:read-own); staff read what their case policy allows. */
  readReferral: (actor: Actor, referral: { partnerId: string }, staffMayReadCase: boolean) =>
    actor.partner
      ? actor.partner.scopes.includes('cases:read-own') && actor.partner.partnerId === referral.partnerId
      : staffMayReadCase,
  importReferrals: (actor: Actor, officeId: string) =>
    !actor.partner && hasRoleAt(actor, officeId, ...INTAKE_ROLES),
};
