import { systemActor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/database.js';
import { emitEvent } from '../../platform/events/event-bus.js';
import { newId } from '../../platform/ids.js';
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

/**
 * Creates a mission with its offices and the default referral sources, and announces it
 * (`mission.created`) so every module seeds its own lists for it; returns the ids.
 */
export async function createMission(
  db: Executor,
  input: {
    code: string;
    name: string;
    country: string;
    /** The mission's IANA time zone: its "today" and the days its figures count by. */
    timeZone: string;
    /** ISO 4217 code of the mission's money. */
    currency: string;
    /** The languages the mission works in (ISO 639-1); the first is the default for new users. */
    languages?: string[];
    offices: { name: string; kind: OfficeKind; country: string; city?: string }[];
  },
): Promise<{ missionId: string; offices: { id: string; name: string; kind: OfficeKind }[] }> {
  const missionId = newId();
  const languages = input.languages ?? ['en'];
  return db.transaction(async (tx) => {
    await tx.insert(missions).values({
      id: missionId,
      code: input.code,
      name: input.name,
      country: input.country,
      timeZone: input.timeZone,
      currency: input.currency,
      languages,
      locale: languages[0]!,
    });
    const rows = input.offices.map((office) => ({
      missionId,
      id: newId(),
      ...office,
      city: office.city ?? null,
    }));
    if (rows.length > 0) await tx.insert(offices).values(rows);
    await tx
      .insert(referralSources)
      .values(defaultReferralSources.map((source, index) => ({ missionId, ...source, sortOrder: index })));
    const settings = {
      country: input.country,
      timeZone: input.timeZone,
      currency: input.currency,
      languages,
      locale: languages[0]!,
    };
    const ctx = { tx, actor: systemActor(missionId, settings), requestId: null, ip: null, now: new Date() };
    await emitEvent(ctx, 'mission.created', { missionId });
    return { missionId, offices: rows.map(({ id, name, kind }) => ({ id, name, kind })) };
  });
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
    /** A platform administrator, who lists and creates missions (the installation's operator). */
    platformAdmin?: boolean;
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
    platformAdmin: input.platformAdmin ?? false,
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
