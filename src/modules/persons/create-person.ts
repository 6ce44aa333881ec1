import { recordAudit } from '../../platform/audit/record-audit.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { newId } from '../../platform/ids.js';
import { computeNameColumns } from './name-normalisation.js';
import type { CreatePerson } from './person-schemas.js';
import { presentPerson } from './present-person.js';
import { type PersonRow, persons } from './schema.js';

/** Registers a person in the actor's mission, with the search columns computed, and audits it. */
export async function createPerson(ctx: ServiceContext, input: CreatePerson): Promise<PersonRow> {
  const aliases = distinct(input.aliases ?? []);
  const [row] = await ctx.tx
    .insert(persons)
    .values({
      missionId: ctx.actor.missionId,
      id: newId(),
      givenName: input.givenName,
      familyName: input.familyName,
      givenNameNative: input.givenNameNative ?? null,
      familyNameNative: input.familyNameNative ?? null,
      aliases,
      sex: input.sex,
      dateOfBirth: input.dateOfBirth ?? null,
      dateOfBirthPrecision: input.dateOfBirthPrecision,
      nationalities: distinct(input.nationalities ?? []),
      languages: distinct(input.languages ?? []),
      preferredLanguage: input.preferredLanguage ?? null,
      phone: input.phone ?? null,
      ...computeNameColumns({ ...input, aliases }),
      version: 1,
      createdBy: ctx.actor.id,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning();
  await recordAudit(ctx, {
    action: 'person.create',
    recordType: 'person',
    recordId: row!.id,
    after: presentPerson(row!),
  });
  return row!;
}

/** The values in their first order, without repeats. */
export function distinct<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
