import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase, selectRows } from './database.js';

describe('openDatabase', () => {
  // A fresh PGlite data directory runs initdb (3–4 s on a quiet machine, far more on a busy one).
  it('creates the data folder of a fresh installation before opening the embedded database', {
    timeout: 120_000,
  }, async () => {
    const parent = await mkdtemp(path.join(os.tmpdir(), 'passage-open-'));
    const dataDir = path.join(parent, 'not', 'yet', 'there');
    const database = await openDatabase({ databaseUrl: null, dataDir });
    try {
      expect(database.kind).toBe('pglite');
      expect(await selectRows<{ one: number }>(database.db, sql`select 1 as one`)).toEqual([{ one: 1 }]);
    } finally {
      await database.close();
      await rm(parent, { recursive: true, force: true });
    }
  });
});
