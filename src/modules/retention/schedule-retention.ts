import type { FastifyInstance } from 'fastify';
import { missions } from '../organisation/schema.js';
import { runRetentionForMission } from './run-retention.js';

const DAY = 24 * 60 * 60 * 1000;

/**
 * Runs retention for every mission once the server listens, then once a day; `RETENTION_SCHEDULE`
 * makes the scheduled runs only count (`dry-run`) or switches them off. Only a listening server
 * runs it: tests drive the app through inject() and never start the interval.
 */
export function scheduleRetention(app: FastifyInstance, intervalMs = DAY): void {
  let timer: NodeJS.Timeout | null = null;
  if (app.config.retentionSchedule === 'off') return;
  const dryRun = app.config.retentionSchedule === 'dry-run';
  const run = async () => {
    const rows = await app.database.db.select({ id: missions.id }).from(missions);
    for (const { id } of rows) {
      try {
        const { run } = await runRetentionForMission(app.database.db, id, {
          now: new Date(),
          storage: app.storage,
          dryRun,
        });
        if (run.total > 0)
          app.log.info(
            { missionId: id, dryRun, total: run.total, done: run.done, counts: run.counts },
            'retention run',
          );
      } catch (error) {
        app.log.error({ err: error, missionId: id }, 'retention run failed');
      }
    }
  };
  app.addHook('onListen', async () => {
    void run();
    timer = setInterval(() => void run(), intervalMs);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
  });
}
