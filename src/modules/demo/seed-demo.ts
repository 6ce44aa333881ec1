import type { Database } from '../../platform/db/database.js';
import { enrol } from '../auth/second-factor.js';
import { seedDemoDirectory } from './demo-directory.js';
import {
  DEMO_PASSWORD,
  DEMO_TOTP_SECRET,
  demoCounsellors,
  demoEmail,
  demoUsers,
  ensureDemoOrganisation,
} from './demo-organisation.js';
import { seedDemoCaseload } from './seed-demo-caseload.js';

/** How many cases the demo mission starts with. */
export const DEMO_CASE_COUNT = 200;

/**
 * Creates the demo mission, users and caseload on first start, and prints how to sign in.
 * Runs on every start; only a newly created demo mission gets a caseload, so restarts change nothing.
 */
export async function seedDemo(
  database: Database,
  options: {
    log: (line: string) => void;
    print: (line: string) => void;
    /** Fewer cases for tests; DEMO_CASE_COUNT by default. */
    caseCount?: number;
    now?: Date;
  },
): Promise<void> {
  const organisation = await ensureDemoOrganisation(database.db);
  if (organisation.created) {
    options.log('Created the demo mission and users');
    const directory = await seedDemoDirectory(database.db, organisation);
    options.log(
      `Added ${directory.embassies} embassies, ${directory.budgets} funding budgets and ${directory.partners} referring partners`,
    );
    // Managers and administrators must sign in with a second factor: the demo ones have the published key.
    for (const user of organisation.users.filter((u) => u.role === 'manager' || u.role === 'admin')) {
      await enrol(database.db, { userId: user.id, secret: DEMO_TOTP_SECRET, step: 0, now: new Date() });
    }
    const count = options.caseCount ?? DEMO_CASE_COUNT;
    options.log(`Creating the demo caseload (${count} cases)...`);
    try {
      const result = await seedDemoCaseload(database, {
        users: organisation.users,
        offices: organisation.offices,
        count,
        now: options.now,
        log: options.log,
      });
      options.log(
        `Created the demo caseload: ${result.cases} cases, ${result.persons} persons in ${(result.milliseconds / 1000).toFixed(1)} s`,
      );
    } catch (error) {
      // A demo that stops half-way must not keep Passage from starting: the cases made so far stay.
      options.log(
        `The demo caseload stopped early: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  options.print(`Demo users (password: ${DEMO_PASSWORD}):`);
  options.print(
    `  (managers and administrators also give a code from an authenticator app set up with the key ${DEMO_TOTP_SECRET})`,
  );
  for (const user of demoUsers) options.print(`  ${demoEmail(user.key).padEnd(40)} ${user.displayName}`);
  for (const user of demoCounsellors)
    options.print(`  ${demoEmail(user.key).padEnd(40)} ${user.displayName}`);
}
