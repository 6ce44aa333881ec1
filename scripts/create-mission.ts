// `npm run create-mission -- --code NL --name "IOM the Netherlands" --country NL --time-zone Europe/Amsterdam
//   --currency EUR [--languages en,nl] --office "The Hague office|mission_office|NL|The Hague" [--office ...]
//   --admin-email a@example.org --admin-name "Ada Admin" [--platform-admin] [--database-url URL]`
// Creates a mission with its offices and its first administrator, and prints the administrator's
// one-time set-password link (also queued as an e-mail). With --platform-admin that administrator
// may also create missions through the API (POST /api/v1/missions).
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { loadConfig } from '../src/config.js';
import { registerEventSubscribers } from '../src/event-subscribers.js';
import { users } from '../src/modules/organisation/schema.js';
import { createMissionWithAdministrator } from '../src/modules/users/create-mission-with-administrator.js';
import { ZCreateMission } from '../src/modules/users/mission-schemas.js';
import { systemActor } from '../src/platform/auth/actor.js';
import { openDatabase } from '../src/platform/db/database.js';
import { migrateDatabase } from '../src/platform/db/migrate.js';
import { withSystemTransaction } from '../src/platform/db/transaction.js';

const { values } = parseArgs({
  options: {
    code: { type: 'string' },
    name: { type: 'string' },
    country: { type: 'string' },
    'time-zone': { type: 'string' },
    currency: { type: 'string' },
    languages: { type: 'string' },
    office: { type: 'string', multiple: true },
    'admin-email': { type: 'string' },
    'admin-name': { type: 'string' },
    'platform-admin': { type: 'boolean', default: false },
    'database-url': { type: 'string' },
  },
});

const parsed = ZCreateMission.safeParse({
  code: values.code,
  name: values.name,
  country: values.country,
  timeZone: values['time-zone'],
  currency: values.currency,
  languages: values.languages?.split(',').map((code) => code.trim()),
  offices: (values.office ?? []).map((spec) => {
    const [name, kind, country, city] = spec.split('|').map((part) => part.trim());
    return { name, kind, country, city: city || null };
  }),
  administrator: { email: values['admin-email'], displayName: values['admin-name'] },
});
if (!parsed.success) {
  for (const issue of parsed.error.issues) console.error(`--${issue.path.join('.')}: ${issue.message}`);
  console.error('Usage: see the comment at the top of scripts/create-mission.ts');
  process.exit(2);
}

const config = loadConfig();
registerEventSubscribers();
const database = await openDatabase({
  databaseUrl: values['database-url'] ?? config.databaseUrl,
  dataDir: config.dataDir,
});
try {
  await migrateDatabase(database);
  const input = parsed.data;
  const actor = systemActor('00000000-0000-0000-0000-000000000000', {
    country: input.country,
    timeZone: input.timeZone,
    currency: input.currency,
    languages: input.languages ?? ['en'],
    locale: input.languages?.[0] ?? 'en',
  });
  const created = await withSystemTransaction(database.db, actor, async (ctx) => {
    const result = await createMissionWithAdministrator(ctx, input, { publicUrl: config.publicUrl });
    if (values['platform-admin'])
      await ctx.tx
        .update(users)
        .set({ platformAdmin: true })
        .where(eq(users.id, result.administrator.user.id));
    return result;
  });
  console.log(
    `Mission ${created.code} created (${created.missionId}) with ${created.offices.length} offices.`,
  );
  console.log(
    `Administrator ${created.administrator.user.email}${values['platform-admin'] ? ' (platform administrator)' : ''}: set a password within 72 hours at`,
  );
  console.log(`  ${created.administrator.passwordLink.url}`);
} finally {
  await database.close();
}
