// Two missions in different time zones, around midnight: each has its own "today", so the same
// instant is another day, year and set of valid documents in Amsterdam than in Bogotá.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { newId } from '../../platform/ids.js';
import { buildMission, type TestMission } from '../../test-support/build-mission.js';
import { buildPerson } from '../../test-support/build-person.js';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';
import { buildTravellingCase } from '../movements/movements-test-support.js';
import { personDocuments } from '../persons/schema.js';

let t: TestApp;
let amsterdam: TestMission;
let bogota: TestMission;

beforeAll(async () => {
  t = await startTestApp();
  amsterdam = await buildMission(t.database.db);
  bogota = await buildMission(t.database.db, { timeZone: 'America/Bogota', country: 'CO', currency: 'COP' });
});
afterAll(async () => {
  await t.close();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Freezes the clock (Date only: the database driver's timers keep running). */
function at(instant: string) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(instant));
}

describe('a mission’s own calendar', () => {
  it('gives a case the year of registration where the mission is', async () => {
    // 03:00 UTC on New Year's Day: 04:00 on 1 January in Amsterdam, 22:00 on 31 December in Bogotá.
    at('2026-01-01T03:00:00Z');
    const references: Record<string, string> = {};
    for (const [name, mission] of [
      ['amsterdam', amsterdam],
      ['bogota', bogota],
    ] as const) {
      const person = await buildPerson(t.database.db, mission.missionId);
      const api = await t.as(mission.users.counsellor);
      const response = await api.post('/api/v1/cases', {
        programme: 'avrr',
        personIds: [person.id],
        officeId: mission.offices.hague.id,
        referralSource: 'return_service',
      });
      expect(response.statusCode, response.body).toBe(201);
      references[name] = response.json().case.reference;
    }
    expect(references.amsterdam).toMatch(/^AVRR-2026-/);
    expect(references.bogota).toMatch(/^AVRR-2025-/);
  });

  it('judges a passport valid on the mission’s today', async () => {
    // 04:30 UTC on 10 March: already the 10th in Amsterdam, still the 9th in Bogotá.
    at('2026-03-10T04:30:00Z');
    const allowed: Record<string, boolean> = {};
    for (const [name, mission] of [
      ['amsterdam', amsterdam],
      ['bogota', bogota],
    ] as const) {
      const { kase, personIds } = await buildTravellingCase(t.database.db, mission, [{ passport: false }]);
      await t.database.db.insert(personDocuments).values({
        missionId: mission.missionId,
        id: newId(),
        personId: personIds[0]!,
        kind: 'passport',
        number: `P${newId().slice(-8)}`,
        issuingCountry: 'IQ',
        validUntil: '2026-03-09',
        createdAt: new Date(),
      });
      const api = await t.as(mission.users.counsellor);
      const options = (await api.get(`/api/v1/cases/${kase.id}/transitions`)).json().items as {
        transition: string;
        allowed: boolean;
      }[];
      // Only the passport is judged here, not the confirmed booking travel also needs.
      const booking = options.find((o) => o.transition === 'book_travel') as unknown as {
        reasons: { code: string }[];
      };
      allowed[name] = !booking.reasons.some((r) => r.code === 'travel_document_missing');
    }
    expect(allowed).toEqual({ amsterdam: false, bogota: true });
  });

  it('ends the dashboard’s default period on the mission’s today', async () => {
    at('2026-03-10T04:30:00Z');
    const ends: Record<string, string> = {};
    for (const [name, mission] of [
      ['amsterdam', amsterdam],
      ['bogota', bogota],
    ] as const) {
      const api = await t.as(mission.users.manager);
      const response = await api.get('/api/v1/dashboard');
      expect(response.statusCode, response.body).toBe(200);
      ends[name] = response.json().filters.to;
    }
    expect(ends).toEqual({ amsterdam: '2026-03-10', bogota: '2026-03-09' });
  });

  it('keeps each mission’s settings', async () => {
    const api = await t.as(bogota.users.admin);
    const response = await api.get('/api/v1/mission');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ country: 'CO', timeZone: 'America/Bogota', currency: 'COP' });
  });
});
