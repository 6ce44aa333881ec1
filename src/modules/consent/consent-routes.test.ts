// Consents through the HTTP API, and the transfers that depend on them: a partner's webhook carries
// personal data only with the persons' sharing consent, every delivery is audited, and a withdrawn
// SMS-contact consent stops the flight SMS.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/audit/schema.js';
import { outboxMessages } from '../../platform/outbox/schema.js';
import { buildCase, principalOf } from '../../test-support/build-case.js';
import { buildMission, type TestMission } from '../../test-support/build-mission.js';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';
import { amsIstEbl, buildTravellingCase, subscribePartner } from '../movements/movements-test-support.js';

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

const today = () => new Date().toISOString().slice(0, 10);

async function audits(action: string, recordId: string) {
  return t.database.db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.missionId, mission.missionId),
        eq(auditLog.action, action),
        eq(auditLog.recordId, recordId),
      ),
    );
}

async function outbox(caseId: string) {
  return t.database.db
    .select()
    .from(outboxMessages)
    .where(and(eq(outboxMessages.missionId, mission.missionId), eq(outboxMessages.caseId, caseId)));
}

describe('recording and withdrawing consent', () => {
  it('the counsellor of the case records a consent and its withdrawal, both audited', async () => {
    const kase = await buildCase(t.database.db, { mission });
    const personId = await principalOf(t.database.db, kase);
    const api = await t.as(mission.users.counsellor);
    const given = await api.post(`/api/v1/persons/${personId}/consents`, {
      purpose: 'sms_contact',
      givenOn: today(),
      how: 'verbal',
    });
    expect(given.statusCode, given.body).toBe(201);
    const consent = given.json().consent;
    expect(consent).toMatchObject({ purpose: 'sms_contact', how: 'verbal', active: true, withdrawnOn: null });
    expect(await audits('consent.give', personId)).toHaveLength(1);

    const withdrawn = await api.post(`/api/v1/persons/${personId}/consents/${consent.id}/withdraw`, {});
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json().consent).toMatchObject({
      active: false,
      withdrawnOn: today(),
      withdrawnBy: mission.users.counsellor.id,
    });
    expect(await audits('consent.withdraw', personId)).toHaveLength(1);
    const again = await api.post(`/api/v1/persons/${personId}/consents/${consent.id}/withdraw`, {});
    expect(again.statusCode).toBe(409);

    const list = await api.get(`/api/v1/persons/${personId}/consents`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toHaveLength(1);
    expect(list.json().items[0]).toMatchObject({ id: consent.id, active: false });
  });

  it('refuses callers who do not work the person’s case, and sharing without a partner', async () => {
    const kase = await buildCase(t.database.db, { mission });
    const personId = await principalOf(t.database.db, kase);
    const body = { purpose: 'return_assistance', givenOn: today(), how: 'written' };
    for (const user of [mission.users.otherCounsellor, mission.users.movements, mission.users.liaison]) {
      const api = await t.as(user);
      expect((await api.post(`/api/v1/persons/${personId}/consents`, body)).statusCode).toBe(403);
      expect((await api.get(`/api/v1/persons/${personId}/consents`)).statusCode).toBe(403);
    }
    const manager = await t.as(mission.users.manager);
    expect((await manager.post(`/api/v1/persons/${personId}/consents`, body)).statusCode).toBe(201);
    const noPartner = await manager.post(`/api/v1/persons/${personId}/consents`, {
      ...body,
      purpose: 'partner_sharing',
    });
    expect(noPartner.statusCode).toBe(400);
    const future = await manager.post(`/api/v1/persons/${personId}/consents`, {
      ...body,
      givenOn: '2999-01-01',
    });
    expect(future.statusCode).toBe(422);
  });
});

describe('transfers to partners', () => {
  async function withdrawCase(reason: string, consentFor?: string) {
    const kase = await buildCase(t.database.db, { mission, status: 'counselling' });
    const personId = await principalOf(t.database.db, kase);
    const api = await t.as(mission.users.counsellor);
    if (consentFor) {
      const given = await api.post(`/api/v1/persons/${personId}/consents`, {
        purpose: 'partner_sharing',
        partnerId: consentFor,
        givenOn: today(),
        how: 'written',
      });
      expect(given.statusCode, given.body).toBe(201);
    }
    const response = await api.post(`/api/v1/cases/${kase.id}/transitions`, {
      transition: 'withdraw',
      reason,
    });
    expect(response.statusCode, response.body).toBe(200);
    const hooks = (await outbox(kase.id)).filter((m) => m.kind === 'case.withdrawn');
    expect(hooks).toHaveLength(1);
    return { kase, data: (hooks[0]!.payload as { body: { data: Record<string, unknown> } }).body.data };
  }

  it('withholds the withdrawal reason from a partner without the person’s sharing consent, and logs the transfer', async () => {
    const { partnerId } = await subscribePartner(t.database.db, mission, ['case.withdrawn']);
    const { kase, data } = await withdrawCase('Wants to stay with her sister');
    expect(data).toMatchObject({
      caseId: kase.id,
      caseReference: kase.reference,
      personalDataWithheld: true,
    });
    expect(data).not.toHaveProperty('reason');
    const transfers = await audits('transfer.partner', kase.id);
    expect(transfers.map((a) => a.after)).toEqual([
      expect.objectContaining({ partnerId, event: 'case.withdrawn', personalData: [], withheld: ['reason'] }),
    ]);
  });

  it('sends the reason to the partner the person consented to, and logs that personal data went', async () => {
    const { partnerId } = await subscribePartner(t.database.db, mission, ['case.withdrawn']);
    const { kase, data } = await withdrawCase('Wants to stay with her sister', partnerId);
    expect(data).toMatchObject({ reason: 'Wants to stay with her sister' });
    expect(data).not.toHaveProperty('personalDataWithheld');
    const transfers = await audits('transfer.partner', kase.id);
    expect(transfers.map((a) => a.after)).toEqual([
      expect.objectContaining({ partnerId, personalData: ['reason'], withheld: [] }),
    ]);
  });

  it('a consent given to one partner does not cover another, and a withdrawn one covers none', async () => {
    const other = await subscribePartner(t.database.db, mission, ['case.status_changed']);
    const { partnerId } = await subscribePartner(t.database.db, mission, ['case.withdrawn']);
    const { kase, data } = await withdrawCase('Moving to another city', other.partnerId);
    expect(data).not.toHaveProperty('reason');
    expect((await audits('transfer.partner', kase.id)).map((a) => a.after)).toEqual(
      expect.arrayContaining([expect.objectContaining({ partnerId, withheld: ['reason'] })]),
    );
  });
});

describe('SMS contact', () => {
  it('a withdrawn SMS consent stops the flight SMS and says so on the timeline; no record still texts', async () => {
    const { kase, personIds } = await buildTravellingCase(t.database.db, mission);
    const counsellor = await t.as(mission.users.counsellor);
    const given = await counsellor.post(`/api/v1/persons/${personIds[0]}/consents`, {
      purpose: 'sms_contact',
      givenOn: today(),
      how: 'verbal',
    });
    expect(given.statusCode, given.body).toBe(201);
    const withdrawn = await counsellor.post(
      `/api/v1/persons/${personIds[0]}/consents/${given.json().consent.id}/withdraw`,
      {},
    );
    expect(withdrawn.statusCode).toBe(200);

    const movements = await t.as(mission.users.movements);
    const held = await movements.post('/api/v1/bookings', { caseId: kase.id, ...amsIstEbl() });
    expect(held.statusCode, held.body).toBe(201);
    const confirmed = await movements.post(`/api/v1/bookings/${held.json().booking.id}/confirm`);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect((await outbox(kase.id)).filter((m) => m.channel === 'sms')).toHaveLength(0);
    const timeline = (await counsellor.get(`/api/v1/cases/${kase.id}/timeline`)).json().items;
    expect(timeline).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'message_not_sent',
          data: expect.objectContaining({ code: 'consent_withdrawn' }),
        }),
      ]),
    );

    // The same booking for a traveller who never said anything about SMS is texted, as before.
    const control = await buildTravellingCase(t.database.db, mission);
    const held2 = await movements.post('/api/v1/bookings', { caseId: control.kase.id, ...amsIstEbl() });
    await movements.post(`/api/v1/bookings/${held2.json().booking.id}/confirm`);
    expect((await outbox(control.kase.id)).filter((m) => m.channel === 'sms')).toHaveLength(1);
  });
});
