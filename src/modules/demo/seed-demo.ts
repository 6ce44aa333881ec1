import type { Database } from '../../platform/db/database.js';
import { DEMO_PASSWORD, demoEmail, demoUsers, ensureDemoOrganisation } from './demo-organisation.js';

/** Creates the demo mission, users and caseload on first start, and prints how to sign in. */
export async function seedDemo(
  database: Database,
  options: { log: (line: string) => void; print: (line: string) => void },
): Promise<void> {
  const organisation = await ensureDemoOrganisation(database.db);
  if (organisation.created) options.log('Created the demo mission and users');
  options.print('Demo users (password: passage-demo):');
  for (const user of demoUsers) options.print(`  ${demoEmail(user.key).padEnd(36)} ${user.displayName}`);
  void DEMO_PASSWORD;
}
