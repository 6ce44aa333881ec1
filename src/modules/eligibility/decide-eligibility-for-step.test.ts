import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withSystemTransaction } from '../../platform/db/transaction.js';
import { buildCase } from '../../test-support/build-case.js';
import { buildMission } from '../../test-support/build-mission.js';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';
import { loadActor } from '../organisation/load-actor.js';
import { decideEligibilityForStep } from './decide-eligibility-for-step.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('deciding eligibility for a workflow step', () => {
  it.each([
    [true, 'computed', 'eligible_return_and_reintegration'],
    [false, 'override', 'ineligible'],
  ])('eligible=%s on an eligible case gives a %s decision: %s', async (eligible, kind, outcome) => {
    const mission = await buildMission(t.database.db);
    const kase = await buildCase(t.database.db, { mission, status: 'application_submitted' });
    const actor = await loadActor(t.database.db, mission.users.counsellor.id);
    const decision = await withSystemTransaction(t.database.db, actor!, (ctx) =>
      decideEligibilityForStep(ctx, kase, {
        eligible,
        justification: 'Received assisted return support before.',
      }),
    );
    expect(decision).toMatchObject({ kind, outcome });
  });
});
