import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '../../platform/db/database.js';
import { buildMission } from '../../test-support/build-mission.js';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('GET /api/v1/audit/verify', () => {
  it("tells an administrator the mission's chain holds, then names the entry changed with SQL", async () => {
    const mission = await buildMission(t.database.db);
    const admin = await t.as(mission.users.admin);
    const counsellor = await t.as(mission.users.counsellor);
    // Audited work through the API: a few people registered.
    for (let n = 0; n < 3; n++) {
      const created = await counsellor.post('/api/v1/persons', {
        givenName: `Chain${n}`,
        familyName: 'Probe',
        sex: 'female',
        dateOfBirthPrecision: 'exact',
      });
      expect(created.statusCode, created.body).toBe(201);
    }
    const intact = await admin.get('/api/v1/audit/verify');
    expect(intact.statusCode).toBe(200);
    expect(intact.json()).toMatchObject({ missionId: mission.missionId, intact: true, firstBroken: null });
    expect(intact.json().checked).toBeGreaterThanOrEqual(3);

    const [second] = await selectRows<{ id: string; chain_seq: string }>(
      t.database.db,
      sql`select id, chain_seq from audit_log where mission_id = ${mission.missionId} order by chain_seq offset 1 limit 1`,
    );
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
      await tx.execute(
        sql`update audit_log set ip = '192.0.2.1' where mission_id = ${mission.missionId} and id = ${second!.id}`,
      );
      await tx.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
    });
    const broken = await admin.get('/api/v1/audit/verify');
    expect(broken.json()).toMatchObject({
      intact: false,
      checked: 1,
      firstBroken: { id: second!.id, chainSeq: 2 },
    });
  });

  it('is for administrators only', async () => {
    const mission = await buildMission(t.database.db);
    for (const user of [mission.users.counsellor, mission.users.manager]) {
      expect((await (await t.as(user)).get('/api/v1/audit/verify')).statusCode).toBe(403);
    }
    expect((await t.anonymous.get('/api/v1/audit/verify')).statusCode).toBe(401);
  });
});
