import type { Executor } from '../../platform/db/database.js';
import { newId } from '../../platform/ids.js';
import { seedMissionPolicy } from '../eligibility/policy-store.js';
import { seedReintegrationReferenceData } from '../reintegration/seed-reintegration.js';
import { defaultReferralSources } from './referral-sources.js';
import {
  missions,
  type OfficeKind,
  offices,
  type Role,
  referralSources,
  userRoles,
  users,
} from './schema.js';

/** Creates a mission with its offices and the default referral sources; returns the ids. */
export async function createMission(
  db: Executor,
  input: {
    code: string;
    name: string;
    country: string;
    offices: { name: string; kind: OfficeKind; country: string; city?: string }[];
  },
): Promise<{ missionId: string; offices: { id: string; name: string; kind: OfficeKind }[] }> {
  const missionId = newId();
  await db
    .insert(missions)
    .values({ id: missionId, code: input.code, name: input.name, country: input.country });
  const rows = input.offices.map((office) => ({
    missionId,
    id: newId(),
    ...office,
    city: office.city ?? null,
  }));
  if (rows.length > 0) await db.insert(offices).values(rows);
  await db
    .insert(referralSources)
    .values(defaultReferralSources.map((source, index) => ({ missionId, ...source, sortOrder: index })));
  await seedMissionPolicy(db, missionId);
  await seedReintegrationReferenceData(db, missionId);
  return { missionId, offices: rows.map(({ id, name, kind }) => ({ id, name, kind })) };
}

/** Creates a user of a mission with role grants (officeId null: the whole mission). */
export async function createUser(
  db: Executor,
  input: {
    missionId: string;
    email: string;
    displayName: string;
    passwordHash: string | null;
    locale?: string;
    roles: { role: Role; officeId: string | null }[];
  },
): Promise<{ id: string }> {
  const id = newId();
  await db.insert(users).values({
    id,
    missionId: input.missionId,
    email: input.email.toLowerCase(),
    displayName: input.displayName,
    passwordHash: input.passwordHash,
    locale: input.locale ?? 'en',
  });
  if (input.roles.length > 0) {
    await db
      .insert(userRoles)
      .values(
        input.roles.map((grant) => ({ missionId: input.missionId, id: newId(), userId: id, ...grant })),
      );
  }
  return { id };
}
