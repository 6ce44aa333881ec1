// Test factories for the reports: cases opened through the case API, and departures through it.
import { and, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { TestMission } from '../../test-support/build-mission.js';
import { buildPerson } from '../../test-support/build-person.js';
import type { TestApp } from '../../test-support/test-app.js';
import { cases } from '../cases/schema.js';

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
 * Departs a case: the steps before booking are set directly (their guards need eligibility
 * decisions and documents that these tests are not about), then mark_departed goes through the API.
 */
export async function depart(t: TestApp, mission: TestMission, caseId: string) {
  await t.database.db
    .update(cases)
    .set({ status: 'travel_booked' })
    .where(and(eq(cases.missionId, mission.missionId), eq(cases.id, caseId)));
  return transition(t, mission, caseId, 'mark_departed');
}
