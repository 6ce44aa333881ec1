import type { Page } from 'playwright-core';
import en from '../../web/src/i18n/en.json' with { type: 'json' };

/** The demo users' password (src/modules/demo/demo-organisation.ts). */
export const DEMO_PASSWORD = 'passage-demo';

/** Signs in through the sign-in form and waits for the main navigation. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/');
  await page.getByLabel(en.login.email).fill(email);
  await page.getByLabel(en.login.password).fill(password);
  await page.getByRole('button', { name: en.login.submit }).click();
  await page
    .getByRole('navigation', { name: en.nav.label })
    .getByRole('link', { name: en.nav.caseload })
    .waitFor();
}
