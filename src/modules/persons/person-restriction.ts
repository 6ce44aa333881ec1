import type { Actor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/database.js';

/**
 * Which persons an actor may not see, because they are on a case the actor may not read (a victim of
 * trafficking). The cases module answers it (`casePersonRestriction`); the persons module only asks,
 * so it does not depend on cases, which depend on persons.
 */
export interface PersonRestriction {
  hiddenIds(db: Executor, actor: Actor, personIds: readonly string[]): Promise<Set<string>>;
}

/** No person is restricted (for tools that run without the cases module). */
export const noPersonRestriction: PersonRestriction = { hiddenIds: async () => new Set() };
