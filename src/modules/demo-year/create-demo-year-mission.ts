import { eq } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { hashPassword } from '../../platform/auth/password.js';
import type { Database } from '../../platform/db/database.js';
import { withSystemTransaction } from '../../platform/db/transaction.js';
import { DEMO_PASSWORD } from '../demo/demo-organisation.js';
import { countryName } from '../eligibility/country-names.js';
import { createMission, createUser } from '../organisation/create-mission.js';
import { loadActor } from '../organisation/load-actor.js';
import { missions, type OfficeKind, type Role } from '../organisation/schema.js';
import { createPartner } from '../partners/create-partner.js';
import { createFundingBudget } from '../reintegration/create-funding-budget.js';
import { listPartnerNgos } from '../reintegration/partner-ngos.js';
import { createEmbassy } from '../travel-documents/save-embassy.js';
import { DEMO_YEAR_TIME_ZONE } from './demo-year-clock.js';
import { thirdCountryMovers } from './demo-year-world.js';
import type { DemoYearPlan } from './plan-demo-year.js';

/** The funding project every demo-year case and grant is charged to. */
export const DEMO_YEAR_PROJECT = 'REAN';

const COUNSELLING_OFFICES = [
  { name: 'The Hague office', kind: 'mission_office', city: 'The Hague' },
  { name: 'Ter Apel reception centre', kind: 'reception_centre', city: 'Ter Apel' },
  { name: 'Budel reception centre', kind: 'reception_centre', city: 'Budel' },
  { name: 'Rotterdam detention centre', kind: 'detention_centre', city: 'Rotterdam' },
] as const;
const AIRPORT_DESK = 'Schiphol airport desk';

/** The mission a demo year runs in: its offices, staff (as actors), embassies, partners and budget. */
export interface DemoYearMission {
  missionId: string;
  code: string;
  counsellingOfficeIds: string[];
  /** The office in each country of return, by country code. */
  originOfficeIds: Map<string, string>;
  counsellors: Actor[];
  staff: Record<'vulnerable' | 'movements' | 'reintegration' | 'liaison' | 'manager' | 'admin', Actor>;
  embassyIds: Map<string, string>;
  partnerIds: Record<'return_service' | 'reception_agency', string>;
  partnerNgoIds: string[];
}

/** The e-mail address of a demo-year user: `<key>@<mission code>.demo.passage.local`. */
export function demoYearEmail(code: string, key: string): string {
  return `${key}@${code.toLowerCase()}.demo.passage.local`;
}

/**
 * Creates a new mission for the demo year (refusing a code that exists): offices in the host
 * country, the airport desk and an office in every country of return; the counsellors and one user
 * per other role (all with the demo password); the embassies, referring partners and the budget.
 */
export async function createDemoYearMission(
  database: Database,
  plan: DemoYearPlan,
  code: string,
): Promise<DemoYearMission> {
  const db = database.db;
  const [existing] = await db.select({ id: missions.id }).from(missions).where(eq(missions.code, code));
  if (existing) throw new Error(`A mission with code ${code} exists already: choose another --mission-code`);
  const offices: { name: string; kind: OfficeKind; country: string; city?: string }[] = [
    ...COUNSELLING_OFFICES.map((office) => ({ ...office, country: 'NL' })),
    { name: AIRPORT_DESK, kind: 'airport_desk', country: 'NL', city: 'Amsterdam' },
    ...plan.destinations.map((country) => ({
      name: `IOM ${countryName(country).en}`,
      kind: 'origin_office' as const,
      country,
    })),
  ];
  const created = await createMission(db, {
    code,
    name: `Demo year ${plan.year} (scale ${plan.scale})`,
    country: 'NL',
    timeZone: DEMO_YEAR_TIME_ZONE,
    currency: 'EUR',
    languages: ['en', 'nl'],
    offices,
  });
  const officeId = (name: string) => created.offices.find((office) => office.name === name)!.id;
  const counsellingOfficeIds = COUNSELLING_OFFICES.map((office) => officeId(office.name));
  const originOfficeIds = new Map(
    plan.destinations.map((country) => [country, officeId(`IOM ${countryName(country).en}`)]),
  );
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const user = async (key: string, displayName: string, role: Role, office: string | null) => {
    const { id } = await createUser(db, {
      missionId: created.missionId,
      email: demoYearEmail(code, key),
      displayName,
      passwordHash,
      roles: [{ role, officeId: office }],
    });
    const actor = await loadActor(db, id);
    if (!actor) throw new Error(`User ${key} was not created`);
    return actor;
  };
  const counsellors: Actor[] = [];
  for (const [i, counsellor] of plan.counsellors.entries()) {
    const number = String(i + 1).padStart(2, '0');
    counsellors.push(
      await user(
        `counsellor${number}`,
        `Counsellor ${number} (${counsellor.languages.join(', ')})`,
        'counsellor',
        counsellingOfficeIds[counsellor.office]!,
      ),
    );
  }
  const staff: DemoYearMission['staff'] = {
    vulnerable: await user('vulnerable', 'Vulnerable cases officer', 'vulnerable_cases_officer', null),
    movements: await user('movements', 'Airport team', 'movements_officer', null),
    reintegration: await user('reintegration', 'Reintegration officer', 'reintegration_officer', null),
    liaison: await user('liaison', 'Diplomatic liaison', 'diplomatic_liaison', null),
    manager: await user('manager', 'Manager', 'manager', null),
    admin: await user('admin', 'Administrator', 'admin', null),
  };
  const start = new Date(Date.UTC(plan.year, 0, 1, 8));
  return withSystemTransaction(db, staff.admin, async (base) => {
    const ctx = { ...base, now: start };
    const embassyIds = new Map<string, string>();
    for (const country of [...plan.destinations, thirdCountryMovers.nationality]) {
      const embassy = await createEmbassy(ctx, {
        country,
        kind: 'embassy',
        city: country.charCodeAt(0) % 3 === 0 ? 'Brussels' : 'The Hague',
        reminderDays: null,
      });
      embassyIds.set(country, embassy.id);
    }
    const partner = (name: string, kind: 'return_service' | 'reception_agency', office: string) =>
      createPartner(ctx, { name, kind, referralSource: kind, defaultOfficeId: office });
    const returnService = await partner(
      'Dienst Terugkeer en Vertrek (DT&V)',
      'return_service',
      counsellingOfficeIds[3]!,
    );
    const receptionAgency = await partner(
      'Centraal Orgaan opvang asielzoekers (COA)',
      'reception_agency',
      counsellingOfficeIds[1]!,
    );
    await createFundingBudget(ctx, {
      projectCode: DEMO_YEAR_PROJECT,
      name: `Return and reintegration ${plan.year}`,
      currency: 'EUR',
      amount: String(Math.ceil(plan.scale * 12_000_000) + 1_000_000),
    });
    const ngos = await listPartnerNgos(ctx.tx, created.missionId);
    const partnerNgoIds = plan.partnerNgos.map((name) => {
      const found = ngos.find((ngo) => ngo.name === name);
      if (!found) throw new Error(`Partner NGO ${name} is not on the mission's list`);
      return found.id;
    });
    return {
      missionId: created.missionId,
      code,
      counsellingOfficeIds,
      originOfficeIds,
      counsellors,
      staff,
      embassyIds,
      partnerIds: { return_service: returnService.id, reception_agency: receptionAgency.id },
      partnerNgoIds,
    };
  });
}
