// `npm run audit:verify [-- --mission-code CODE]`: checks every mission's audit hash chain (or one
// mission's) in the database of DATABASE_URL, else the embedded one in DATA_DIR, and names the
// first broken entry. Exits 1 when a chain is broken, so a scheduler can alert on it.
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { loadConfig } from '../src/config.js';
import { missions } from '../src/modules/organisation/schema.js';
import { chainedMissions, verifyAuditChain } from '../src/platform/audit/audit-chain.js';
import { openDatabase } from '../src/platform/db/database.js';

const { values } = parseArgs({ options: { 'mission-code': { type: 'string' } } });
const config = loadConfig();
const database = await openDatabase(config);
let broken = 0;
try {
  const ids = values['mission-code']
    ? (
        await database.db
          .select({ id: missions.id })
          .from(missions)
          .where(eq(missions.code, values['mission-code']))
      ).map((m) => m.id)
    : await chainedMissions(database.db);
  if (ids.length === 0) console.log('No audit chain to check.');
  for (const missionId of ids) {
    const result = await verifyAuditChain(database.db, missionId);
    if (result.firstBroken) {
      broken += 1;
      const { id, chainSeq, reason } = result.firstBroken;
      console.log(
        `mission ${missionId}: BROKEN at entry ${chainSeq}${id ? ` (${id})` : ''}: ${reason}; ${result.checked} entries before it hold`,
      );
    } else console.log(`mission ${missionId}: ${result.checked} entries, chain intact`);
  }
} finally {
  await database.close();
}
process.exit(broken > 0 ? 1 : 0);
