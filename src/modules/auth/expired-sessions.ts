import { lt, or } from 'drizzle-orm';
import type { Database, Executor } from '../../platform/db/database.js';
import { sessions } from './schema.js';
import { SESSION_IDLE_MS } from './sessions.js';

const CLEANUP_INTERVAL_MS = 60 * 60 * 1000;

/** Deletes sessions past their end or idle too long (they no longer sign anyone in); returns how many. */
export async function deleteExpiredSessions(db: Executor, now: Date): Promise<number> {
  const deleted = await db
    .delete(sessions)
    .where(
      or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, new Date(now.getTime() - SESSION_IDLE_MS))),
    )
    .returning({ tokenHash: sessions.tokenHash });
  return deleted.length;
}

/** Runs deleteExpiredSessions at start and then every hour, so the table keeps only live sessions. */
export function startSessionCleanup(
  database: Database,
  options: { log: { info(obj: object, msg: string): void; error(obj: object, msg: string): void } },
): { stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  const run = () => {
    if (running) return;
    running = deleteExpiredSessions(database.db, new Date())
      .then((count) => {
        if (count > 0) options.log.info({ count }, 'expired sessions deleted');
      })
      .catch((error: unknown) => options.log.error({ err: error }, 'deleting expired sessions failed'))
      .finally(() => {
        running = null;
      });
  };
  run();
  const timer = setInterval(run, CLEANUP_INTERVAL_MS);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
