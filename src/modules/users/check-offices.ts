import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { unprocessable } from '../../platform/http/problem.js';
import { offices } from '../organisation/schema.js';
import type { RoleGrantInput } from './users-schemas.js';

/** Refuses (422) role grants at offices that are not open offices of the mission. */
export async function checkGrantOffices(
  db: Executor,
  missionId: string,
  grants: readonly RoleGrantInput[],
): Promise<void> {
  const ids = [...new Set(grants.map((g) => g.officeId).filter((id): id is string => id !== null))];
  if (ids.length === 0) return;
  const open = await db
    .select({ id: offices.id })
    .from(offices)
    .where(and(eq(offices.missionId, missionId), inArray(offices.id, ids), eq(offices.active, true)));
  const known = new Set(open.map((row) => row.id));
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length > 0)
    throw unprocessable('A role is given at an office that is not an open office of the mission.', {
      offices: missing,
    });
}
