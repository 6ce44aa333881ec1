import { generate } from 'otplib';
import type { APIRequestContext, Page } from 'playwright-core';
import en from '../../web/src/i18n/en.json' with { type: 'json' };

/** The demo users' password (src/modules/demo/demo-organisation.ts). */
export const DEMO_PASSWORD = 'passage-demo';
/** The TOTP key of the demo managers and administrators (src/modules/demo/demo-organisation.ts). */
export const DEMO_TOTP_SECRET = 'PASSAGEDEMOTOTPSECRETFORTRYINGIT';

// The server takes each code once: remember the time step used per user, and wait for the next one.
const lastStep = new Map<string, number>();

async function freshCode(email: string): Promise<string> {
  let step = Math.floor(Date.now() / 30_000);
  if (lastStep.get(email) === step) {
    await new Promise((resolve) => setTimeout(resolve, (step + 1) * 30_000 - Date.now() + 200));
    step += 1;
  }
  lastStep.set(email, step);
  return generate({ secret: DEMO_TOTP_SECRET, epoch: step * 30 });
}

/**
 * Signs in through the sign-in form and waits for the main navigation; managers and
 * administrators give a code from the demo key at the second step.
 */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/');
  await page.getByLabel(en.login.email).fill(email);
  await page.getByLabel(en.login.password).fill(password);
  await page.getByRole('button', { name: en.login.submit }).click();
  const navigation = page
    .getByRole('navigation', { name: en.nav.label })
    .getByRole('link', { name: en.nav.caseload });
  const codeField = page.getByLabel(en.login.code);
  await navigation.or(codeField).first().waitFor();
  if (await codeField.isVisible()) {
    await codeField.fill(await freshCode(email));
    await page.getByRole('button', { name: en.login.verify }).click();
  }
  await navigation.waitFor();
}

/**
 * An API context signed in as a demo user; managers and administrators give a code from the demo
 * key at the second step (the challenge cookie stays in the context).
 */
export async function signInApi(
  api: APIRequestContext,
  email: string,
  password = DEMO_PASSWORD,
): Promise<void> {
  const login = await api.post('/api/v1/auth/login', { data: { email, password } });
  if (login.status() !== 200) throw new Error(`sign-in of ${email}: ${login.status()} ${await login.text()}`);
  const body = (await login.json()) as { secondFactor?: unknown };
  if (!body.secondFactor) return;
  const second = await api.post('/api/v1/auth/login/second-factor', {
    data: { code: await freshCode(email) },
  });
  if (second.status() !== 200)
    throw new Error(`second factor of ${email}: ${second.status()} ${await second.text()}`);
}
