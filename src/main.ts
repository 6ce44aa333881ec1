import { buildApp } from './app.js';
import { loadConfig, productionProblems } from './config.js';
import { startSessionCleanup } from './modules/auth/expired-sessions.js';
import { seedDemo } from './modules/demo/seed-demo.js';
import { startOutboxWorker } from './modules/messaging/outbox-setup.js';
import { openDatabase, openPostgres } from './platform/db/database.js';
import { migrateDatabase } from './platform/db/migrate.js';
import { startStatisticsRefresh } from './platform/db/statistics.js';

/** Starts Passage: opens and migrates the database, adds the demo data where allowed, serves HTTP. */
async function main(): Promise<void> {
  const config = loadConfig();
  const problems = productionProblems(config);
  if (problems.length > 0) {
    const banner = ['UNSAFE FOR PRODUCTION:', ...problems.map((problem) => `  - ${problem}`)].join('\n');
    // With NODE_ENV=production Passage refuses to start; otherwise it says so loudly and goes on.
    if (process.env.NODE_ENV === 'production') throw new Error(banner);
    console.error(`\n${banner}\n`);
  }
  if (config.databaseUrl && config.databaseMigrationUrl) {
    // Migrations as the tables' owner; the application below as the role of DATABASE_URL.
    const owner = await openPostgres(config.databaseMigrationUrl, { max: 1 });
    await migrateDatabase(owner);
    await owner.close();
  }
  const database = await openDatabase(config);
  if (!(config.databaseUrl && config.databaseMigrationUrl)) await migrateDatabase(database);
  // Reports, exports and the dashboard read from a streaming replica when one is configured.
  const replica = config.databaseReplicaUrl ? await openPostgres(config.databaseReplicaUrl) : null;
  const app = await buildApp({ config, database, replica });
  if (config.demo) {
    await seedDemo(database, {
      log: (line) => app.log.info(line),
      print: console.log,
      caseCount: config.demoCases,
    });
  }
  const outboxWorker = startOutboxWorker(database, { log: app.log });
  // The embedded database has no autovacuum: keep the planner's statistics current as data grows.
  const statistics = startStatisticsRefresh(database, { log: app.log });
  const sessionCleanup = startSessionCleanup(database, { log: app.log });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal} received: closing`);
    // Close the server first so no request runs against a closed database.
    await app.close();
    await outboxWorker.stop();
    await statistics.stop();
    await sessionCleanup.stop();
    await replica?.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  console.log(`Passage is running at http://localhost:${config.port} (database: ${database.kind})`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
