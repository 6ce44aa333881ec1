import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { caseGroupMembers, caseGroups, cases, type VulnerabilityCategory } from '../modules/cases/schema.js';
import { persons } from '../modules/persons/schema.js';
import type { Executor } from '../platform/db/database.js';
import { newId } from '../platform/ids.js';
import type { TestMission } from './build-mission.js';

export type TestCase = typeof cases.$inferSelect;

/**
 * A registered AVRR case for one test: one principal person in a new case group, at the Hague
 * office unless another office is given. Rows are written directly, so any test can have cases
 * without going through the case API.
 */
export async function buildCase(
  db: Executor,
  options: {
    mission: TestMission;
    officeId?: string;
    assigneeId?: string | null;
    vulnerabilities?: VulnerabilityCategory[];
    status?: string;
    /** When the case was registered (its created_at): now unless a test needs an older case. */
    registeredAt?: Date;
  },
): Promise<TestCase> {
  const { mission } = options;
  const missionId = mission.missionId;
  const now = options.registeredAt ?? new Date();
  const personId = newId();
  const givenName = 'Amina';
  const familyName = `Test ${randomUUID().slice(0, 6)}`;
  await db.insert(persons).values({
    missionId,
    id: personId,
    givenName,
    familyName,
    sex: 'female',
    dateOfBirth: '1990-04-12',
    dateOfBirthPrecision: 'exact',
    nationalities: ['IQ'],
    languages: ['ar'],
    nameKey: `${givenName} ${familyName}`.toLowerCase(),
    nameSkeleton: 'mn',
    createdAt: now,
    updatedAt: now,
  });
  const caseGroupId = newId();
  await db.insert(caseGroups).values({ missionId, id: caseGroupId, createdAt: now });
  await db
    .insert(caseGroupMembers)
    .values({ missionId, caseGroupId, personId, role: 'principal', position: 0 });
  const [row] = await db
    .insert(cases)
    .values({
      missionId,
      id: newId(),
      reference: `AVRR-TEST-${randomUUID().slice(0, 8).toUpperCase()}`,
      programme: 'avrr',
      status: options.status ?? 'registered',
      caseGroupId,
      officeId: options.officeId ?? mission.offices.hague.id,
      assigneeId: options.assigneeId ?? null,
      referralSource: 'return_service',
      vulnerabilities: options.vulnerabilities ?? [],
      createdAt: now,
      updatedAt: now,
      statusChangedAt: now,
    })
    .returning();
  return row!;
}

/** The id of the principal person of a test case's group. */
export async function principalOf(
  db: Executor,
  kase: { missionId: string; caseGroupId: string },
): Promise<string> {
  const [member] = await db
    .select({ personId: caseGroupMembers.personId })
    .from(caseGroupMembers)
    .where(
      and(
        eq(caseGroupMembers.missionId, kase.missionId),
        eq(caseGroupMembers.caseGroupId, kase.caseGroupId),
        eq(caseGroupMembers.role, 'principal'),
      ),
    );
  return member!.personId;
}
