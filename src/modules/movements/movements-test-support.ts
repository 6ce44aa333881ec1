// Test factories for the movements module: a case ready to travel, and a partner listening to events.
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { newId } from '../../platform/ids.js';
import { buildCase, type TestCase } from '../../test-support/build-case.js';
import type { TestMission } from '../../test-support/build-mission.js';
import { buildPerson } from '../../test-support/build-person.js';
import { caseGroupMembers } from '../cases/schema.js';
import { partners, webhookSubscriptions } from '../partners/schema.js';
import { personDocuments, persons } from '../persons/schema.js';

export interface TravellerSpec {
  givenName?: string;
  dateOfBirth?: string | null;
  phone?: string | null;
  preferredLanguage?: string | null;
  passport?: boolean;
}

/**
 * An AVRR case whose group is the given travellers (the first is the principal), each with a
 * passport valid until 2030 unless `passport: false`, at `status` (travel_documents by default).
 */
export async function buildTravellingCase(
  db: Executor,
  mission: TestMission,
  travellers: TravellerSpec[] = [{}],
  options: { status?: string; vulnerabilities?: ('victim_of_trafficking' | 'health_needs')[] } = {},
): Promise<{ kase: TestCase; personIds: string[] }> {
  const kase = await buildCase(db, {
    mission,
    status: options.status ?? 'travel_documents',
    vulnerabilities: options.vulnerabilities,
  });
  const [principal] = await db
    .select({ personId: caseGroupMembers.personId })
    .from(caseGroupMembers)
    .where(
      and(
        eq(caseGroupMembers.missionId, mission.missionId),
        eq(caseGroupMembers.caseGroupId, kase.caseGroupId),
      ),
    );
  const personIds: string[] = [];
  for (const [index, spec] of travellers.entries()) {
    const details = {
      givenName: spec.givenName ?? `Traveller${index}`,
      dateOfBirth: spec.dateOfBirth === undefined ? '1985-05-05' : spec.dateOfBirth,
      phone: spec.phone === undefined ? '+31612345678' : spec.phone,
      preferredLanguage: spec.preferredLanguage === undefined ? 'ar' : spec.preferredLanguage,
    };
    let personId: string;
    if (index === 0) {
      personId = principal!.personId;
      await db
        .update(persons)
        .set(details)
        .where(and(eq(persons.missionId, mission.missionId), eq(persons.id, personId)));
    } else {
      personId = (await buildPerson(db, mission.missionId, details)).id;
      await db.insert(caseGroupMembers).values({
        missionId: mission.missionId,
        caseGroupId: kase.caseGroupId,
        personId,
        role: 'member',
        position: index,
      });
    }
    if (spec.passport !== false) {
      await db.insert(personDocuments).values({
        missionId: mission.missionId,
        id: newId(),
        personId,
        kind: 'passport',
        number: `P${index}${personId.slice(-6)}`,
        issuingCountry: 'IQ',
        validUntil: '2030-12-31',
        createdAt: new Date(),
      });
    }
    personIds.push(personId);
  }
  return { kase, personIds };
}

/** A partner (the reception agency) subscribed to `events` for every case of the mission. */
export async function subscribePartner(
  db: Executor,
  mission: TestMission,
  events: string[],
  url = 'http://127.0.0.1:9/webhook',
): Promise<{ partnerId: string; subscriptionId: string }> {
  const partnerId = newId();
  const subscriptionId = newId();
  await db.insert(partners).values({
    missionId: mission.missionId,
    id: partnerId,
    name: `COA ${partnerId.slice(-6)}`,
    kind: 'reception_agency',
    referralSource: 'reception_agency',
    defaultOfficeId: mission.offices.terApel.id,
    createdAt: new Date(),
  });
  await db.insert(webhookSubscriptions).values({
    missionId: mission.missionId,
    id: subscriptionId,
    partnerId,
    url,
    events,
    caseScope: 'all',
    secretCiphertext: 'test.test.test',
    createdAt: new Date(),
  });
  return { partnerId, subscriptionId };
}

/** A direct AMS–IST–EBL itinerary on 1 July 2025 (summer time in Amsterdam). */
export function amsIstEbl(overrides: Record<string, unknown> = {}) {
  return {
    pnr: 'ABC123',
    baggageAllowance: '1 x 23 kg',
    segments: [
      {
        airline: 'TK',
        flightNumber: '1952',
        departureAirport: 'AMS',
        departureLocal: '2025-07-01T11:35',
        arrivalAirport: 'IST',
        arrivalLocal: '2025-07-01T16:00',
      },
      {
        airline: 'TK',
        flightNumber: '218',
        departureAirport: 'IST',
        departureLocal: '2025-07-01T19:10',
        arrivalAirport: 'EBL',
        arrivalLocal: '2025-07-01T21:55',
      },
    ],
    ...overrides,
  };
}
