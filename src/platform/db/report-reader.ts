import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { type Database, type Db, selectRows } from './database.js';

/** Where a report read went: the replica, or the primary (no replica, or one too far behind). */
export type ReadSource = 'replica' | 'primary';

export interface ReportRead {
  db: Db;
  source: ReadSource;
  /** How far behind the primary the data read is, in milliseconds (0 on the primary). */
  lagMs: number;
}

/**
 * Chooses the database that reports, exports, the annual report and the dashboard read from.
 *
 * With a streaming replica (DATABASE_REPLICA_URL) these heavy reads leave the primary, as long as
 * the replica is within `maxLagMs` of it. The replica's lag is measured against the primary's
 * write position: a replica that has replayed everything the primary wrote is current (lag 0) even
 * when nothing was written for an hour; one that is behind is as old as the last transaction it
 * replayed. A replica too far behind, paused or unreachable is skipped and the primary answers,
 * so a report is never older than the bound and never fails because of the replica. The check
 * is made at most once per `checkEveryMs` and shared by the requests in between.
 *
 * Everything else, and any read that must see the request's own write, uses the primary.
 */
export class ReportReader {
  private lastCheck: { at: number; read: ReportRead } | null = null;
  private pending: Promise<ReportRead> | null = null;

  constructor(
    private readonly primary: Database,
    private readonly replica: Database | null,
    private readonly options: { maxLagMs: number; checkEveryMs?: number; log?: FastifyBaseLogger },
  ) {}

  get hasReplica(): boolean {
    return this.replica !== null;
  }

  /** The database to read a report from now, and how current it is. */
  async read(): Promise<ReportRead> {
    if (!this.replica) return { db: this.primary.db, source: 'primary', lagMs: 0 };
    const checkEveryMs = this.options.checkEveryMs ?? 1000;
    if (this.lastCheck && Date.now() - this.lastCheck.at < checkEveryMs) return this.lastCheck.read;
    this.pending ??= this.check(this.replica).finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  private async check(replica: Database): Promise<ReportRead> {
    const onPrimary: ReportRead = { db: this.primary.db, source: 'primary', lagMs: 0 };
    let read = onPrimary;
    try {
      const lagMs = await replicaLagMs(this.primary, replica);
      if (lagMs <= this.options.maxLagMs) read = { db: replica.db, source: 'replica', lagMs };
      else this.options.log?.warn({ lagMs }, 'read replica too far behind: reports read from the primary');
    } catch (error) {
      this.options.log?.warn({ error }, 'read replica unreachable: reports read from the primary');
    }
    this.lastCheck = { at: Date.now(), read };
    return read;
  }
}

/**
 * How far the replica's data is behind the primary, in milliseconds: 0 when it has replayed all
 * the primary has written, otherwise the age of the last transaction it replayed.
 */
export async function replicaLagMs(primary: Database, replica: Database): Promise<number> {
  const [position] = await selectRows<{ lsn: string }>(
    primary.db,
    'select pg_current_wal_lsn()::text as lsn',
  );
  const [state] = await selectRows<{ recovering: boolean; caughtUp: boolean | null; ageMs: number | null }>(
    replica.db,
    sql`select pg_is_in_recovery() as "recovering",
            pg_last_wal_replay_lsn() >= ${position?.lsn ?? '0/0'}::pg_lsn as "caughtUp",
            (extract(epoch from clock_timestamp() - pg_last_xact_replay_timestamp()) * 1000)::float8 as "ageMs"`,
  );
  if (!state?.recovering) throw new Error('DATABASE_REPLICA_URL is not a replica (it is not in recovery)');
  if (state.caughtUp) return 0;
  return state.ageMs === null ? Number.POSITIVE_INFINITY : Math.max(0, Number(state.ageMs));
}
