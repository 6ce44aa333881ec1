import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { unprocessable } from '../../platform/http/problem.js';
import { offices } from '../organisation/schema.js';
import type { RoleGrantInput } from './users-schemas.js';

const sameGrant = (a: RoleGrantInput, b: RoleGrantInput) => a.role === b.role && a.officeId === b.officeId;

/**
 * Refuses (422) role grants at offices that are not offices of the mission, or that are closed. A
 * role the user already holds at an office that has since closed is kept (`held`): closing an
 * office does not take roles away, it only stops new ones being given there.
 */
export async function checkGrantOffices(
  db: Executor,
  missionId: string,
  grants: readonly RoleGrantInput[],
  held: readonly RoleGrantInput[] = [],
): Promise<void> {
  const newGrants = grants.filter((grant) => !held.some((kept) => sameGrant(kept, grant)));
  const ids = [...new Set(newGrants.map((g) => g.officeId).filter((id): id is string => id !== null))];
  if (ids.length === 0) return;
  const rows = await db
    .select({ id: offices.id, name: offices.name, active: offices.active })
    .from(offices)
    .where(and(eq(offices.missionId, missionId), inArray(offices.id, ids)));
  const unknown = ids.filter((id) => !rows.some((row) => row.id === id));
  if (unknown.length > 0)
    throw unprocessable('A role is given at an office that is not an office of the mission.', {
      code: 'office_unknown',
      offices: unknown,
    });
  const closed = rows.filter((row) => !row.active);
  if (closed.length > 0)
    throw unprocessable(
      `New roles are given only at open offices; closed: ${closed.map((row) => row.name).join(', ')}.`,
      { code: 'office_closed', offices: closed.map((row) => row.id) },
      [
        {
          path: 'roles',
          message: 'New roles are given only at open offices.',
          code: 'office_closed',
        },
      ],
    );
}
