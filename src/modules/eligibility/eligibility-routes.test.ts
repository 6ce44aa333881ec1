import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/audit/schema.js';
import { newId } from '../../platform/ids.js';
import { buildCase, principalOf, type TestCase } from '../../test-support/build-case.js';
import { buildMission, type TestMission } from '../../test-support/build-mission.js';
import { buildPerson } from '../../test-support/build-person.js';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';
import { caseEvents, caseGroupMembers, caseGroups, cases } from '../cases/schema.js';
import { computeNameColumns } from '../persons/name-normalisation.js';
import { persons } from '../persons/schema.js';

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

/** An application-submitted case whose principal has the given nationality and a valid passport-free record. */
async function submittedCase(nationalities: string[]): Promise<{ kase: TestCase; personId: string }> {
  const kase = await buildCase(t.database.db, { mission, status: 'application_submitted' });
  const personId = await principalOf(t.database.db, kase);
  await t.database.db
    .update(persons)
    .set({ nationalities })
    .where(and(eq(persons.missionId, mission.missionId), eq(persons.id, personId)));
  return { kase, personId };
}

/** An earlier AVRR case of `personId` that departed on `departedAt`. */
async function earlierDeparture(personId: string, departedAt: Date) {
  const db = t.database.db;
  const groupId = newId();
  const caseId = newId();
  await db.insert(caseGroups).values({ missionId: mission.missionId, id: groupId, createdAt: departedAt });
  await db
    .insert(caseGroupMembers)
    .values({ missionId: mission.missionId, caseGroupId: groupId, personId, role: 'principal', position: 0 });
  const reference = `AVRR-OLD-${caseId.slice(-6)}`;
  await db.insert(cases).values({
    missionId: mission.missionId,
    id: caseId,
    reference,
    programme: 'avrr',
    status: 'closed',
    caseGroupId: groupId,
    officeId: mission.offices.hague.id,
    referralSource: 'return_service',
    createdAt: departedAt,
    updatedAt: departedAt,
    statusChangedAt: new Date(),
  });
  await db.insert(caseEvents).values({
    missionId: mission.missionId,
    id: newId(),
    caseId,
    occurredAt: departedAt,
    recordedAt: departedAt,
    kind: 'status_changed',
    data: { transition: 'mark_departed', from: 'travel_booked', to: 'departed' },
  });
  return reference;
}

const yearsAgo = (years: number) => {
  const date = new Date();
  date.setUTCFullYear(date.getUTCFullYear() - years);
  return date;
};

describe('evaluating a case on a date', () => {
  it.each([
    ['2023-06-30', 'eligible_return', false],
    ['2023-07-01', 'eligible_return_and_reintegration', true],
  ])('a Moroccan national on %s: %s', async (date, outcome, reintegration) => {
    const { kase } = await submittedCase(['MA']);
    const api = await t.as(mission.users.counsellor);
    const response = await api.post(`/api/v1/cases/${kase.id}/eligibility/evaluate?date=${date}`, {});
    expect(response.statusCode).toBe(200);
    const { result } = response.json();
    expect(result).toMatchObject({ outcome, date, policyVersion: 1 });
    expect(result.persons[0]).toMatchObject({ returnEligible: true, reintegrationEligible: reintegration });
    // A preview writes nothing.
    expect((await api.get(`/api/v1/cases/${kase.id}/eligibility-decisions`)).json().items).toEqual([]);
  });

  it.each([
    ['an EU national', ['PL'], '2024-01-10', 'ineligible'],
    ['a Ukrainian national after 2017-07-12', ['UA'], '2018-01-10', 'ineligible'],
    ['a Ukrainian national before 2017-07-12', ['UA'], '2017-01-10', 'eligible_return_and_reintegration'],
  ])('%s: %s', async (_label, nationalities, date, outcome) => {
    const { kase } = await submittedCase(nationalities);
    const api = await t.as(mission.users.counsellor);
    const response = await api.post(`/api/v1/cases/${kase.id}/eligibility/evaluate?date=${date}`, {});
    expect(response.json().result.outcome).toBe(outcome);
  });

  it.each([
    [4, 'ineligible'],
    [6, 'eligible_return_and_reintegration'],
  ])('an earlier assisted departure of the same person %i years ago: %s', async (years, outcome) => {
    const { kase, personId } = await submittedCase(['IQ']);
    const reference = await earlierDeparture(personId, yearsAgo(years));
    const api = await t.as(mission.users.counsellor);
    const { result } = (await api.post(`/api/v1/cases/${kase.id}/eligibility/evaluate`, {})).json();
    expect(result.outcome).toBe(outcome);
    if (outcome === 'ineligible') {
      const reason = result.reasons.find((r: { code: string }) => r.code === 'earlier_departure');
      expect(reason.message.en).toContain(reference);
    }
  });

  it('finds an earlier departure of a separately registered, very similar person', async () => {
    const { kase, personId } = await submittedCase(['IQ']);
    const [me] = await t.database.db.select().from(persons).where(eq(persons.id, personId));
    const names = { givenName: me!.givenName, familyName: me!.familyName };
    const twin = await buildPerson(t.database.db, mission.missionId, {
      ...names,
      ...computeNameColumns(names),
      dateOfBirth: me!.dateOfBirth,
      nationalities: ['IQ'],
    });
    await t.database.db
      .update(persons)
      .set(computeNameColumns(names))
      .where(and(eq(persons.missionId, mission.missionId), eq(persons.id, personId)));
    await earlierDeparture(twin.id, yearsAgo(2));
    const api = await t.as(mission.users.counsellor);
    const { result } = (await api.post(`/api/v1/cases/${kase.id}/eligibility/evaluate`, {})).json();
    expect(result.outcome).toBe('ineligible');
    expect(result.reasons.map((r: { code: string }) => r.code)).toContain('earlier_departure_similar_person');
  });
});

describe('recording decisions and the workflow', () => {
  it('refuses decide_eligible without a decision, then allows it after an eligible one is recorded', async () => {
    const { kase } = await submittedCase(['IQ']);
    const api = await t.as(mission.users.counsellor);
    const refused = await api.post(`/api/v1/cases/${kase.id}/transitions`, { transition: 'decide_eligible' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().reasons.map((r: { code: string }) => r.code)).toEqual(['eligibility_not_decided']);

    const recorded = await api.post(`/api/v1/cases/${kase.id}/eligibility-decisions`, {
      declarations: { agreesToEndProcedure: true },
    });
    expect(recorded.statusCode).toBe(201);
    const decision = recorded.json().decision;
    expect(decision).toMatchObject({
      kind: 'computed',
      outcome: 'eligible_return_and_reintegration',
      eligible: true,
    });
    expect(decision.inputs.declarations).toEqual({ agreesToEndProcedure: true });

    const ineligible = await api.post(`/api/v1/cases/${kase.id}/transitions`, {
      transition: 'decide_ineligible',
      reason: 'Not eligible',
    });
    expect(ineligible.json().reasons.map((r: { code: string }) => r.code)).toEqual([
      'eligibility_decision_eligible',
    ]);
    const moved = await api.post(`/api/v1/cases/${kase.id}/transitions`, { transition: 'decide_eligible' });
    expect(moved.statusCode).toBe(200);

    const timeline = (await api.get(`/api/v1/cases/${kase.id}/timeline`)).json().items;
    expect(timeline.map((e: { kind: string }) => e.kind)).toContain('eligibility_decided');
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.missionId, mission.missionId), eq(auditLog.recordId, decision.id)));
    expect(audit.map((a) => a.action)).toEqual(['eligibility.decide']);
  });

  it('overrides with a written justification, audited, and the workflow follows the override', async () => {
    const { kase } = await submittedCase(['DE']);
    const api = await t.as(mission.users.counsellor);
    const recorded = (await api.post(`/api/v1/cases/${kase.id}/eligibility-decisions`, {})).json().decision;
    expect(recorded.outcome).toBe('ineligible');
    const url = `/api/v1/cases/${kase.id}/eligibility-decisions/${recorded.id}/override`;
    const tooShort = await api.post(url, { outcome: 'eligible_return', justification: 'ok' });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json().errors.map((e: { path: string }) => e.path)).toEqual(['body.justification']);

    const movements = await t.as(mission.users.movements);
    const justification = 'German passport is forged; the person is an Iraqi national, confirmed by IND.';
    expect((await movements.post(url, { outcome: 'eligible_return', justification })).statusCode).toBe(403);

    const overridden = await api.post(url, { outcome: 'eligible_return', justification });
    expect(overridden.statusCode).toBe(201);
    const override = overridden.json().decision;
    expect(override).toMatchObject({ kind: 'override', overridesDecisionId: recorded.id, justification });

    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.missionId, mission.missionId), eq(auditLog.recordId, override.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'eligibility.override',
      actorId: mission.users.counsellor.id,
      before: { decisionId: recorded.id, outcome: 'ineligible' },
      after: { outcome: 'eligible_return', justification },
    });
    const list = (await api.get(`/api/v1/cases/${kase.id}/eligibility-decisions`)).json();
    expect(list.items.map((d: { id: string }) => d.id)).toEqual([override.id, recorded.id]);
    expect(list.items[1].outcome).toBe('ineligible');
    const moved = await api.post(`/api/v1/cases/${kase.id}/transitions`, { transition: 'decide_eligible' });
    expect(moved.statusCode).toBe(200);
  });

  it('lets only deciding roles record', async () => {
    const { kase } = await submittedCase(['IQ']);
    const movements = await t.as(mission.users.movements);
    expect((await movements.post(`/api/v1/cases/${kase.id}/eligibility-decisions`, {})).statusCode).toBe(403);
    const vulnerable = await t.as(mission.users.vulnerable);
    expect((await vulnerable.post(`/api/v1/cases/${kase.id}/eligibility-decisions`, {})).statusCode).toBe(
      201,
    );
  });
});

describe('the policy as versions', () => {
  it('a new version changes later evaluations, never an old decision or version', async () => {
    const { kase } = await submittedCase(['MA']);
    const counsellor = await t.as(mission.users.counsellor);
    const old = (
      await counsellor.post(`/api/v1/cases/${kase.id}/eligibility-decisions`, { date: '2023-06-30' })
    ).json().decision;
    expect(old.outcome).toBe('eligible_return');

    const admin = await t.as(mission.users.admin);
    const versions = (await admin.get('/api/v1/policy/versions')).json();
    expect(versions.policies.change).toBe(true);
    const v1 = (await admin.get(`/api/v1/policy/versions/${versions.items[0].id}`)).json().version;
    expect(old.policyVersionId).toBe(v1.id);
    const edited = {
      effectiveFrom: '2020-01-01',
      note: 'Morocco eligible for reintegration throughout',
      countryRules: v1.countryRules.filter((r: { country: string; list: string }) => r.country !== 'MA'),
      tariffs: v1.tariffs,
      parameters: v1.parameters,
    };
    expect((await counsellor.post('/api/v1/policy/versions', edited)).statusCode).toBe(403);
    const created = await admin.post('/api/v1/policy/versions', edited);
    expect(created.statusCode).toBe(201);
    expect(created.json().version).toMatchObject({ version: 2, createdBy: mission.users.admin.id });

    const again = (
      await counsellor.post(`/api/v1/cases/${kase.id}/eligibility/evaluate?date=2023-06-30`, {})
    ).json();
    expect(again.result).toMatchObject({ outcome: 'eligible_return_and_reintegration', policyVersion: 2 });
    const before2020 = (
      await counsellor.post(`/api/v1/cases/${kase.id}/eligibility/evaluate?date=2019-06-30`, {})
    ).json();
    expect(before2020.result).toMatchObject({ outcome: 'eligible_return', policyVersion: 1 });

    const stored = (await counsellor.get(`/api/v1/cases/${kase.id}/eligibility-decisions`)).json().items;
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ id: old.id, outcome: 'eligible_return', policyVersionId: v1.id });
    const v1Again = (await admin.get(`/api/v1/policy/versions/${v1.id}`)).json().version;
    expect(v1Again).toEqual(v1);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.missionId, mission.missionId), eq(auditLog.action, 'policy.version_create')));
    expect(audit).toHaveLength(1);
  });

  it('shows the policy in force to casework roles, not to others', async () => {
    const counsellor = await t.as(mission.users.counsellor);
    const inForce = await counsellor.get('/api/v1/policy/in-force?date=2024-01-01');
    expect(inForce.statusCode).toBe(200);
    const tariffs = inForce.json().version.tariffs;
    expect(tariffs.find((r: { item: string }) => r.item === 'inkind_budget_adult').amount).toBe('1800.00');
    expect(tariffs.find((r: { item: string }) => r.item === 'medical_budget').amount).toBeNull();
    const liaison = await t.as(mission.users.movements);
    expect((await liaison.get('/api/v1/policy/versions')).statusCode).toBe(403);
  });

  it('names invalid rows of a new version', async () => {
    const admin = await t.as(mission.users.admin);
    const response = await admin.post('/api/v1/policy/versions', {
      effectiveFrom: '2025-13-01',
      note: 'x',
      countryRules: [{ list: 'return_excluded', country: 'germany', validFrom: null, validTo: null }],
      tariffs: [{ item: 'cash_part_cap', amount: '300.5.0', validFrom: null, validTo: null }],
      parameters: [],
    });
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.countryRules.0.country', 'body.effectiveFrom', 'body.tariffs.0.amount']);
  });
});
