// Running Passage as a role that may only add to the audit trail (README.md, scripts/app-role.sql):
// the PostgreSQL server only, since PGlite has no roles to speak of.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { buildMission, TEST_PASSWORD } from '../../test-support/build-mission.js';
import { openTestDatabase, testDatabaseKind } from '../../test-support/test-database.js';
import { type Database, openPostgres } from '../db/database.js';
import { repositoryRoot } from '../paths.js';
import { verifyAuditChain } from './audit-chain.js';

const role = `passage_app_${randomBytes(4).toString('hex')}`;
const password = randomBytes(12).toString('hex');
let owner: Database;
let restricted: Database;

describe.runIf(testDatabaseKind() === 'postgresql')(
  'the application as a role with INSERT and SELECT only on the audit log',
  () => {
    beforeAll(async () => {
      owner = await openTestDatabase();
      await owner.db.execute(sql.raw(`create role ${role} login password '${password}'`));
      const grants = readFileSync(path.join(repositoryRoot, 'scripts', 'app-role.sql'), 'utf8')
        .replaceAll(':"app_role"', `"${role}"`)
        .split('\n')
        .filter((line) => !line.startsWith('--'))
        .join('\n');
      await owner.db.execute(sql.raw(grants));
      const url = new URL(process.env.TEST_DATABASE_URL!);
      url.username = role;
      url.password = password;
      restricted = await openPostgres(url.toString(), { max: 2 });
    });
    afterAll(async () => {
      await restricted?.close();
      await owner.db.execute(sql.raw(`drop owned by ${role}; drop role ${role}`));
      await owner.close();
    });

    it('signs in and audits through the API, and the chain holds', async () => {
      const mission = await buildMission(owner.db);
      const app = await buildApp({
        config: { ...loadConfig({ LOG_LEVEL: 'silent' }), demo: false },
        database: restricted,
        logger: false,
      });
      try {
        const wrong = await app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: mission.users.counsellor.email, password: 'wrong' },
        });
        expect(wrong.statusCode).toBe(401);
        const right = await app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: mission.users.counsellor.email, password: TEST_PASSWORD },
        });
        expect(right.statusCode).toBe(200);
      } finally {
        await app.close();
      }
      const chain = await verifyAuditChain(restricted.db, mission.missionId);
      expect(chain).toMatchObject({ checked: 2, firstBroken: null });
    });

    it('cannot change, remove or truncate audit entries, nor switch off the triggers that refuse it', async () => {
      const refused = async (statement: string) => {
        const error = await restricted.db.execute(sql.raw(statement)).then(
          () => null,
          (caught: Error & { cause?: Error }) => caught.cause?.message ?? caught.message,
        );
        expect(error, statement).toMatch(/permission denied|must be owner/);
      };
      await refused(`update audit_log set ip = '192.0.2.1'`);
      await refused('delete from audit_log');
      await refused('truncate audit_log');
      await refused('alter table audit_log disable trigger audit_log_no_update');
      await refused('drop table audit_log');
      await refused('delete from audit_chain_heads');
    });
  },
);
