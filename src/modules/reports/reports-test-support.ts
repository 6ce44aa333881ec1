// Test factories for the reports: cases opened through the case API, and departures through the
// booking API and the airport board.
import { and, eq, isNull } from 'drizzle-orm';
import { expect } from 'vitest';
import { newId } from '../../platform/ids.js';
import type { TestMission } from '../../test-support/build-mission.js';
import { buildPerson } from '../../test-support/build-person.js';
import type { TestApp } from '../../test-support/test-app.js';
import { caseGroupMembers, cases, caseTasks } from '../cases/schema.js';
import { amsIstEbl } from '../movements/movements-test-support.js';
import { personDocuments } from '../persons/schema.js';

/** Opens a case through the API (createCase) for new persons of the given nationalities. */
export async function openCase(
  t: TestApp,
  mission: TestMission,
  options: {
    nationalities?: string[][];
    officeId?: string;
    assigneeId?: string;
    vulnerabilities?: string[];
    as?: { id: string };
  } = {},
) {
  const people = [];
  for (const nationalities of options.nationalities ?? [['IQ']]) {
    people.push(await buildPerson(t.database.db, mission.missionId, { nationalities }));
  }
  const api = await t.as(options.as ?? mission.users.manager);
  const response = await api.post('/api/v1/cases', {
    programme: 'avrr',
    personIds: people.map((person) => person.id),
    officeId: options.officeId ?? mission.offices.hague.id,
    referralSource: 'reception_agency',
    vulnerabilities: options.vulnerabilities ?? [],
    ...(options.assigneeId ? { assigneeId: options.assigneeId } : {}),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().case as { id: string; version: number; reference: string };
}

/** Moves a case through the API's transition (transitionCase). */
export async function transition(
  t: TestApp,
  mission: TestMission,
  caseId: string,
  name: string,
  reason?: string,
) {
  const api = await t.as(mission.users.manager);
  const response = await api.post(`/api/v1/cases/${caseId}/transitions`, {
    transition: name,
    ...(reason ? { reason } : {}),
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().case;
}

/**
 * Departs a case as the airport does: the steps before booking are set directly (their guards need
 * eligibility decisions and procedures that these tests are not about: open tasks are ticked off)
 * and each person gets a passport; then the
 * movements officer books and confirms a flight (AMS–IST–`to`, on 1 July 2025) through the API and
 * marks the passengers departed on the board — all of them, or the first `departing` of them.
 */
export async function depart(
  t: TestApp,
  mission: TestMission,
  caseId: string,
  options: { to?: string; departing?: number } = {},
) {
  const db = t.database.db;
  const [kase] = await db
    .update(cases)
    .set({ status: 'travel_documents' })
    .where(and(eq(cases.missionId, mission.missionId), eq(cases.id, caseId)))
    .returning();
  const members = await db
    .select({ personId: caseGroupMembers.personId })
    .from(caseGroupMembers)
    .where(
      and(
        eq(caseGroupMembers.missionId, mission.missionId),
        eq(caseGroupMembers.caseGroupId, kase!.caseGroupId),
      ),
    );
  // The vulnerability procedures' tasks that block travel are someone else's test: tick them off.
  await db
    .update(caseTasks)
    .set({ doneAt: new Date() })
    .where(
      and(eq(caseTasks.missionId, mission.missionId), eq(caseTasks.caseId, caseId), isNull(caseTasks.doneAt)),
    );
  for (const { personId } of members) {
    await db.insert(personDocuments).values({
      missionId: mission.missionId,
      id: newId(),
      personId,
      kind: 'passport',
      number: `P${personId.slice(-7)}`,
      issuingCountry: 'NL',
      validUntil: '2099-12-31',
      createdAt: new Date(),
    });
  }
  const movements = await t.as(mission.users.movements);
  const itinerary = amsIstEbl();
  itinerary.segments[1]!.arrivalAirport = options.to ?? 'KBL';
  const held = await movements.post('/api/v1/bookings', { caseId, ...itinerary });
  expect(held.statusCode, held.body).toBe(201);
  const confirmed = await movements.post(`/api/v1/bookings/${held.json().booking.id}/confirm`);
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  const passengers = confirmed.json().booking.passengers as { id: string }[];
  for (const passenger of passengers.slice(0, options.departing ?? passengers.length)) {
    const marked = await movements.post(`/api/v1/board/passengers/${passenger.id}/status`, {
      status: 'departed',
    });
    expect(marked.statusCode, marked.body).toBe(200);
  }
  return { bookingId: confirmed.json().booking.id as string, passengers };
}
