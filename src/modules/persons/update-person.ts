import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { conflict, notFound } from '../../platform/http/problem.js';
import { distinct } from './create-person.js';
import { computeNameColumns } from './name-normalisation.js';
import type { UpdatePerson } from './person-schemas.js';
import { type PersonRow, persons } from './schema.js';

type Changes = Omit<UpdatePerson, 'version'>;

/**
 * Changes a person's particulars when the client's version is the current one: a stale version
 * is refused with 409 and the current version, so nobody silently overwrites a colleague's edit.
 */
export async function updatePerson(
  ctx: ServiceContext,
  personId: string,
  input: UpdatePerson,
): Promise<PersonRow> {
  // Lock the row so two concurrent edits with the same version cannot both pass the check.
  const [current] = await ctx.tx
    .select()
    .from(persons)
    .where(and(eq(persons.missionId, ctx.actor.missionId), eq(persons.id, personId)))
    .for('update');
  if (!current) throw notFound('Person');
  if (current.version !== input.version) {
    throw conflict('The person was changed by someone else since you read it; reload and try again.', {
      currentVersion: current.version,
    });
  }
  const { version: _version, ...changes } = input;
  const patch = changedFields(current, normalise(changes));
  if (Object.keys(patch).length === 0) return current;
  const next = { ...current, ...patch };
  const [row] = await ctx.tx
    .update(persons)
    .set({
      ...patch,
      ...computeNameColumns(next),
      version: current.version + 1,
      updatedAt: ctx.now,
    })
    .where(
      and(
        eq(persons.missionId, ctx.actor.missionId),
        eq(persons.id, personId),
        eq(persons.version, input.version),
      ),
    )
    .returning();
  const before = Object.fromEntries(Object.keys(patch).map((key) => [key, current[key as keyof PersonRow]]));
  await recordAudit(ctx, {
    action: 'person.update',
    recordType: 'person',
    recordId: personId,
    before: { ...before, version: current.version },
    after: { ...patch, version: row!.version },
  });
  return row!;
}

function normalise(changes: Changes): Changes {
  return {
    ...changes,
    ...(changes.aliases ? { aliases: distinct(changes.aliases) } : {}),
    ...(changes.nationalities ? { nationalities: distinct(changes.nationalities) } : {}),
    ...(changes.languages ? { languages: distinct(changes.languages) } : {}),
  };
}

/** The given fields whose value differs from the stored one (undefined means "leave as it is"). */
function changedFields(current: PersonRow, changes: Changes): Partial<PersonRow> {
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    if (JSON.stringify(value) !== JSON.stringify(current[key as keyof PersonRow])) patch[key] = value;
  }
  return patch as Partial<PersonRow>;
}
