import { persons } from '../modules/persons/schema.js';
import type { Executor } from '../platform/db/database.js';
import { newId } from '../platform/ids.js';

export type TestPerson = typeof persons.$inferSelect;

/** A person of a mission written directly, for tests that need someone to open a case for. */
export async function buildPerson(
  db: Executor,
  missionId: string,
  overrides: Partial<typeof persons.$inferInsert> = {},
): Promise<TestPerson> {
  const now = new Date();
  const givenName = overrides.givenName ?? 'Omar';
  const familyName = overrides.familyName ?? 'Haddad';
  const [row] = await db
    .insert(persons)
    .values({
      missionId,
      id: newId(),
      givenName,
      familyName,
      sex: 'male',
      dateOfBirth: '1988-02-03',
      dateOfBirthPrecision: 'exact',
      nationalities: ['IQ'],
      languages: ['ar'],
      nameKey: `${givenName} ${familyName}`.toLowerCase(),
      nameSkeleton: '',
      createdAt: now,
      updatedAt: now,
      ...overrides,
    })
    .returning();
  return row!;
}
