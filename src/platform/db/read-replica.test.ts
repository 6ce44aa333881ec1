import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { buildCase } from '../../test-support/build-case.js';
import { buildMission, type TestMission } from '../../test-support/build-mission.js';
import {
  postgresBinDir,
  type ReplicatedCluster,
  startReplicatedCluster,
} from '../../test-support/replica-cluster.js';
import { type Client, startTestApp, type TestApp } from '../../test-support/test-app.js';
import { testDatabaseKind } from '../../test-support/test-database.js';
import { type Database, openPostgres, selectRows } from './database.js';
import { migrateDatabase } from './migrate.js';
import { replicaLagMs } from './report-reader.js';

describe('the replica settings', () => {
  it('takes a replica only beside a server database, and a bound on its lag (30 s unless set)', () => {
    expect(() => loadConfig({ DATABASE_REPLICA_URL: 'postgres://replica/db' })).toThrow(/needs DATABASE_URL/);
    const config = loadConfig({
      DATABASE_URL: 'postgres://primary/db',
      DATABASE_REPLICA_URL: 'postgres://replica/db',
    });
    expect(config).toMatchObject({ databaseReplicaUrl: 'postgres://replica/db', replicaMaxLagSeconds: 30 });
    expect(loadConfig({ REPLICA_MAX_LAG_SECONDS: '5' }).replicaMaxLagSeconds).toBe(5);
    expect(() => loadConfig({ REPLICA_MAX_LAG_SECONDS: 'soon' })).toThrow(/REPLICA_MAX_LAG_SECONDS/);
  });
});

// A replica of its own primary, made with Debian's tools, on the server stage of the suite.
const runs = testDatabaseKind() === 'postgresql' && postgresBinDir() !== null;
const MAX_LAG_SECONDS = 6;

describe.runIf(runs)('reports on a streaming read replica', () => {
  let cluster: ReplicatedCluster;
  let primary: Database;
  let replica: Database;
  let t: TestApp;
  let mission: TestMission;
  let manager: Client;

  beforeAll(async () => {
    cluster = await startReplicatedCluster();
    primary = await openPostgres(cluster.primaryUrl, { max: 4 });
    await migrateDatabase(primary);
    replica = await openPostgres(cluster.replicaUrl, { max: 2 });
    t = await startTestApp({
      database: primary,
      replica,
      env: { REPLICA_MAX_LAG_SECONDS: String(MAX_LAG_SECONDS) },
    });
    mission = await buildMission(primary.db);
    await buildCase(primary.db, { mission });
    manager = await t.as(mission.users.manager);
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await replica?.close().catch(() => undefined);
    await cluster?.stop();
  });

  async function caughtUp(): Promise<void> {
    for (let attempt = 0; attempt < 200; attempt++) {
      if ((await replicaLagMs(primary, replica)) === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the replica did not catch up within 10 s');
  }
  /** The reader checks the replica at most once a second: wait past that before asking again. */
  const nextCheck = () => new Promise((resolve) => setTimeout(resolve, 1100));

  async function dashboard() {
    const response = await manager.get('/api/v1/dashboard');
    expect(response.statusCode, response.body).toBe(200);
    return {
      source: response.headers['passage-read-from'],
      lag: Number(response.headers['passage-replica-lag-ms']),
      total: response.json().openCaseload.total as number,
    };
  }

  it('reads the dashboard, reports and the annual report from a current replica; everything else from the primary', async () => {
    await caughtUp();
    await nextCheck();
    expect(await dashboard()).toMatchObject({ source: 'replica', lag: 0, total: 1 });
    const report = await manager.get('/api/v1/reports/avrr-departures');
    expect(report.statusCode, report.body).toBe(200);
    expect(report.headers['passage-read-from']).toBe('replica');
    const annual = await manager.get('/api/v1/annual-report?year=2026');
    expect(annual.statusCode, annual.body).toBe(200);
    expect(annual.headers['passage-read-from']).toBe('replica');
    // The caseload list is not a report: it reads the primary and says nothing about a replica.
    const list = await manager.get('/api/v1/cases');
    expect(list.statusCode).toBe(200);
    expect(list.headers['passage-read-from']).toBeUndefined();
  });

  it('serves a lagging replica within the bound, then the primary once it is too far behind', async () => {
    // A fresh commit, replayed, so the replica's age is counted from now once it is paused.
    await selectRows(primary.db, 'create table if not exists replica_probe (at timestamptz)');
    await selectRows(primary.db, 'insert into replica_probe values (now())');
    await caughtUp();
    await selectRows(replica.db, 'select pg_wal_replay_pause()');
    // A write through the API lands on the primary (the replica is read-only and paused).
    const registered = await manager.post('/api/v1/persons', {
      givenName: 'Leyla',
      familyName: 'Replica',
      sex: 'female',
      dateOfBirth: '1991-02-03',
      dateOfBirthPrecision: 'exact',
      nationalities: ['IQ'],
      languages: ['ar'],
    });
    expect(registered.statusCode, registered.body).toBe(201);
    await buildCase(primary.db, { mission });
    await nextCheck();
    const stale = await dashboard();
    // Within the bound: the replica answers with its older data, and says how old it is.
    expect(stale).toMatchObject({ source: 'replica', total: 1 });
    expect(stale.lag).toBeGreaterThan(0);
    expect(stale.lag).toBeLessThanOrEqual(MAX_LAG_SECONDS * 1000);
    // Past the bound: the primary answers, with the new case.
    await new Promise((resolve) => setTimeout(resolve, MAX_LAG_SECONDS * 1000 + 200));
    expect(await dashboard()).toMatchObject({ source: 'primary', total: 2 });

    await selectRows(replica.db, 'select pg_wal_replay_resume()');
    await caughtUp();
    await nextCheck();
    expect(await dashboard()).toMatchObject({ source: 'replica', lag: 0, total: 2 });
  }, 30_000);

  it('falls back to the primary when the replica is down, without failing the request', async () => {
    await cluster.stopReplica();
    await nextCheck();
    expect(await dashboard()).toMatchObject({ source: 'primary', total: 2 });
  }, 30_000);
});
