import { randomUUID } from 'node:crypto';
import { createMission, createUser } from '../modules/organisation/create-mission.js';
import type { Role } from '../modules/organisation/schema.js';
import { hashPassword } from '../platform/auth/password.js';
import type { Executor } from '../platform/db/database.js';

export const TEST_PASSWORD = 'test-password-1';
let passwordHash: Promise<string> | null = null;

export type TestUser = { id: string; email: string; displayName: string };

/**
 * A fresh mission for one test: two offices in the host country and one in a country of origin,
 * and one user per role. The mission is in the Netherlands unless `options` says otherwise. Counsellors work at one office each; the other roles are mission-wide
 * except where the name says otherwise.
 */
export async function buildMission(
  db: Executor,
  options: { timeZone?: string; country?: string; currency?: string } = {},
) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const hash = await passwordHash;
  const tag = randomUUID().slice(0, 8);
  const { missionId, offices } = await createMission(db, {
    code: `T${tag}`,
    name: `Test mission ${tag}`,
    country: options.country ?? 'NL',
    timeZone: options.timeZone ?? 'Europe/Amsterdam',
    currency: options.currency ?? 'EUR',
    languages: ['en', 'nl'],
    offices: [
      { name: 'The Hague office', kind: 'mission_office', country: 'NL', city: 'The Hague' },
      { name: 'Ter Apel reception centre', kind: 'reception_centre', country: 'NL', city: 'Ter Apel' },
      { name: 'Erbil office', kind: 'origin_office', country: 'IQ', city: 'Erbil' },
    ],
  });
  const [hague, terApel, erbil] = offices as [(typeof offices)[0], (typeof offices)[0], (typeof offices)[0]];
  const make = async (name: string, roles: { role: Role; officeId: string | null }[]): Promise<TestUser> => {
    const email = `${name}.${tag}@test.passage.local`;
    const displayName = `${name} ${tag}`;
    const { id } = await createUser(db, { missionId, email, displayName, passwordHash: hash, roles });
    return { id, email, displayName };
  };
  const users = {
    counsellor: await make('counsellor', [{ role: 'counsellor', officeId: hague.id }]),
    otherCounsellor: await make('counsellor-ter-apel', [{ role: 'counsellor', officeId: terApel.id }]),
    vulnerable: await make('vulnerable', [{ role: 'vulnerable_cases_officer', officeId: null }]),
    movements: await make('movements', [{ role: 'movements_officer', officeId: null }]),
    reintegration: await make('reintegration', [{ role: 'reintegration_officer', officeId: erbil.id }]),
    resettlement: await make('resettlement', [{ role: 'resettlement_officer', officeId: null }]),
    liaison: await make('liaison', [{ role: 'diplomatic_liaison', officeId: null }]),
    manager: await make('manager', [{ role: 'manager', officeId: null }]),
    admin: await make('admin', [{ role: 'admin', officeId: null }]),
  };
  return { missionId, offices: { hague, terApel, erbil }, users };
}

export type TestMission = Awaited<ReturnType<typeof buildMission>>;
