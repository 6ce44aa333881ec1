import { and, eq, inArray } from 'drizzle-orm';
import { hashPassword } from '../../platform/auth/password.js';
import type { Executor } from '../../platform/db/database.js';
import { createMission, createUser } from '../organisation/create-mission.js';
import { missions, type OfficeKind, type Role, users as userAccounts } from '../organisation/schema.js';

export const DEMO_MISSION_CODE = 'NL-DEMO';
export const DEMO_PASSWORD = 'passage-demo';
/**
 * The TOTP key the demo's managers and administrators are enrolled with (base32), published in
 * README.md so anyone trying Passage can add it to an authenticator app. Demo data only.
 */
export const DEMO_TOTP_SECRET = 'PASSAGEDEMOTOTPSECRETFORTRYINGIT';

/**
 * The demo users: one per role, `<role>@demo.passage.local`, all with the demo password. The
 * administrator is also a platform administrator, so the demo shows listing and creating missions.
 */
export const demoUsers: {
  key: string;
  displayName: string;
  role: Role;
  office: string | null;
  platformAdmin?: boolean;
}[] = [
  {
    key: 'counsellor',
    displayName: 'Sanne de Vries (counsellor)',
    role: 'counsellor',
    office: 'The Hague office',
  },
  {
    key: 'vulnerable',
    displayName: 'Fatima El Amrani (vulnerable cases)',
    role: 'vulnerable_cases_officer',
    office: null,
  },
  { key: 'movements', displayName: 'Joost Bakker (movements)', role: 'movements_officer', office: null },
  {
    key: 'reintegration',
    displayName: 'Aram Hassan (reintegration)',
    role: 'reintegration_officer',
    office: null,
  },
  {
    key: 'resettlement',
    displayName: 'Eva Jansen (resettlement)',
    role: 'resettlement_officer',
    office: null,
  },
  { key: 'manager', displayName: 'Pieter Visser (manager)', role: 'manager', office: null },
  {
    key: 'admin',
    displayName: 'Lotte Smit (administrator)',
    role: 'admin',
    office: null,
    platformAdmin: true,
  },
];

export const demoOffices: { name: string; kind: OfficeKind; country: string; city: string }[] = [
  { name: 'The Hague office', kind: 'mission_office', country: 'NL', city: 'The Hague' },
  { name: 'Ter Apel reception centre', kind: 'reception_centre', country: 'NL', city: 'Ter Apel' },
  { name: 'Budel reception centre', kind: 'reception_centre', country: 'NL', city: 'Budel' },
  { name: 'Rotterdam detention centre', kind: 'detention_centre', country: 'NL', city: 'Rotterdam' },
  { name: 'Schiphol airport desk', kind: 'airport_desk', country: 'NL', city: 'Amsterdam' },
  { name: 'Erbil office', kind: 'origin_office', country: 'IQ', city: 'Erbil' },
  { name: 'Lagos office', kind: 'origin_office', country: 'NG', city: 'Lagos' },
];

export const demoEmail = (key: string) => `${key}@demo.passage.local`;

/**
 * More return counsellors, spread over the offices in the Netherlands, so the demo caseload is
 * shared the way a real team shares it: `counsellor.<name>@demo.passage.local`.
 */
export const demoCounsellors: { key: string; displayName: string; office: string }[] = [
  { key: 'counsellor.daan', displayName: 'Daan Mulder (counsellor)', office: 'The Hague office' },
  { key: 'counsellor.noor', displayName: 'Noor Haddou (counsellor)', office: 'Ter Apel reception centre' },
  {
    key: 'counsellor.maaike',
    displayName: 'Maaike Hoekstra (counsellor)',
    office: 'Ter Apel reception centre',
  },
  { key: 'counsellor.youssef', displayName: 'Youssef Amrani (counsellor)', office: 'Budel reception centre' },
  { key: 'counsellor.ingrid', displayName: 'Ingrid Postma (counsellor)', office: 'Budel reception centre' },
  { key: 'counsellor.ruben', displayName: 'Ruben Kok (counsellor)', office: 'Rotterdam detention centre' },
];

/** A demo user as the caseload generator needs it. */
export interface DemoUserRef {
  key: string;
  id: string;
  role: Role;
  officeId: string | null;
}

/** Creates the demo mission, its offices and users when they do not exist yet; returns the mission id. */
export async function ensureDemoOrganisation(db: Executor): Promise<{
  missionId: string;
  created: boolean;
  offices: { id: string; name: string; kind: OfficeKind }[];
  users: DemoUserRef[];
}> {
  const [existing] = await db.select().from(missions).where(eq(missions.code, DEMO_MISSION_CODE));
  if (existing) {
    // A demo made before its administrator was a platform administrator becomes like a new one.
    const platformAdmins = demoUsers.filter((user) => user.platformAdmin).map((user) => demoEmail(user.key));
    if (platformAdmins.length > 0)
      await db
        .update(userAccounts)
        .set({ platformAdmin: true })
        .where(and(eq(userAccounts.missionId, existing.id), inArray(userAccounts.email, platformAdmins)));
    return { missionId: existing.id, created: false, offices: [], users: [] };
  }
  const { missionId, offices } = await createMission(db, {
    code: DEMO_MISSION_CODE,
    name: 'Passage demo mission (Netherlands)',
    country: 'NL',
    timeZone: 'Europe/Amsterdam',
    currency: 'EUR',
    languages: ['en', 'nl'],
    offices: demoOffices,
  });
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const officeId = (name: string | null) =>
    name ? (offices.find((o) => o.name === name)?.id ?? null) : null;
  const users: DemoUserRef[] = [];
  const everyone = [
    ...demoUsers,
    ...demoCounsellors.map((counsellor) => ({ ...counsellor, role: 'counsellor' as const })),
  ];
  for (const user of everyone) {
    const grant = { role: user.role, officeId: officeId(user.office) };
    const { id } = await createUser(db, {
      missionId,
      email: demoEmail(user.key),
      displayName: user.displayName,
      passwordHash,
      roles: [grant],
      platformAdmin: 'platformAdmin' in user && user.platformAdmin === true,
    });
    users.push({ key: user.key, id, ...grant });
  }
  return { missionId, created: true, offices, users };
}
