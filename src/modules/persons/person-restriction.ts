import type { Actor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/database.js';

/**
 * Which persons an actor may not see, because they are on a case the actor may not read (a victim of
 * trafficking). The cases module answers it (`casePersonRestriction`); the persons module only asks,
 * so it does not depend on cases, which depend on persons.
 */
export interface PersonRestriction {
  /**
   * Of these persons, `restricted`: those on a restricted case; `hidden`: those of them on a restricted
   * case the actor may not read. Showing a restricted person who is not hidden is a read of restricted data.
   */
  classify(
    db: Executor,
    actor: Actor,
    personIds: readonly string[],
  ): Promise<{ restricted: Set<string>; hidden: Set<string> }>;
}

/** No person is restricted (for tools that run without the cases module). */
export const noPersonRestriction: PersonRestriction = {
  classify: async () => ({ restricted: new Set(), hidden: new Set() }),
};
