import { sql } from 'drizzle-orm';
import { type Database, type Executor, selectRows } from './database.js';

/** How often the embedded database is checked for tables whose statistics fell behind. */
export const STATISTICS_INTERVAL_MS = 10 * 60_000;

// A table is analysed again once it has grown by a fifth since its statistics were taken (or was
// never analysed): close to autovacuum's own rule (50 rows + 10% changed) for tables that grow.
const GROWTH = 1.2;
// Tables of a few pages are read whole whatever the planner believes.
const MIN_PAGES = 8;

/**
 * Runs ANALYZE on the tables of the public schema whose statistics are missing or out of date, and
 * returns their names. The planner chooses its plans (the reports' summary triggers among them) by
 * these statistics: a server's autovacuum keeps them current, the embedded database has none.
 * The row-change counters are not kept there either, so growth is read from each table's size on
 * disk against the page count its last ANALYZE recorded. `growth` is how much larger a table must
 * have grown to be analysed again (default 1.2, a fifth); a bulk writer that calls this often (the
 * history import, after every batch) passes 2: plans change with the order of magnitude of a table,
 * and each ANALYZE reads a sample of the whole table.
 */
export async function refreshStatistics(db: Executor, options: { growth?: number } = {}): Promise<string[]> {
  const growth = options.growth ?? GROWTH;
  if (!(growth >= 1)) throw new Error('growth must be at least 1');
  const stale = await selectRows<{ name: string }>(
    db,
    sql`select c.relname as name
          from pg_class c
          join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = 'public' and c.relkind = 'r'
           and pg_relation_size(c.oid) / current_setting('block_size')::int >= ${sql.raw(String(MIN_PAGES))}
           and (c.reltuples < 0
                or pg_relation_size(c.oid) / current_setting('block_size')::int > c.relpages * ${sql.raw(String(growth))})
         order by c.relname`,
  );
  for (const { name } of stale) {
    await db.execute(sql`analyze ${sql.identifier(name)}`);
  }
  return stale.map(({ name }) => name);
}

export interface StatisticsRefresh {
  /** Stops the timer; resolves once a refresh under way has finished (close the database after). */
  stop(): Promise<void>;
}

/**
 * On the embedded database, refreshes the planner's statistics now and then every `intervalMs`;
 * on a PostgreSQL server autovacuum does this already and nothing is started.
 */
export function startStatisticsRefresh(
  database: Database,
  options: {
    log: { info(obj: object, msg: string): void; error(obj: object, msg: string): void };
    intervalMs?: number;
  },
): StatisticsRefresh {
  if (database.kind !== 'pglite') return { stop: async () => undefined };
  let running: Promise<void> | null = null;
  const refresh = () => {
    if (running) return;
    const started = performance.now();
    running = refreshStatistics(database.db)
      .then((tables) => {
        if (tables.length > 0) {
          options.log.info(
            { tables, ms: Math.round(performance.now() - started) },
            'planner statistics refreshed',
          );
        }
      })
      .catch((error: unknown) => options.log.error({ err: error }, 'refreshing planner statistics failed'))
      .finally(() => {
        running = null;
      });
  };
  refresh();
  const timer = setInterval(refresh, options.intervalMs ?? STATISTICS_INTERVAL_MS);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
