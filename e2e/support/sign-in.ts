import { closeSync, mkdirSync, openSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generate } from 'otplib';
import type { APIRequestContext, Page } from 'playwright-core';
import en from '../../web/src/i18n/en.json' with { type: 'json' };

/** The demo users' password (src/modules/demo/demo-organisation.ts). */
export const DEMO_PASSWORD = 'passage-demo';
/** The TOTP key of the demo managers and administrators (src/modules/demo/demo-organisation.ts). */
export const DEMO_TOTP_SECRET = 'PASSAGEDEMOTOTPSECRETFORTRYINGIT';

// The server takes each code once per user. Test files run in separate processes, one after the
// other, so the time step used is claimed in a file shared by all of them: a step already claimed
// for the user means waiting for the next one.
const claims = path.join(os.tmpdir(), 'passage-e2e-totp-steps');

function claim(email: string, step: number): boolean {
  mkdirSync(claims, { recursive: true });
  try {
    closeSync(openSync(path.join(claims, `${encodeURIComponent(email)}-${step}`), 'wx'));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** A TOTP code of the demo key for a time step no other sign-in of this user has used. */
export async function freshCode(email: string): Promise<string> {
  let step = Math.floor(Date.now() / 30_000);
  while (!claim(email, step)) {
    step = Math.max(step + 1, Math.floor(Date.now() / 30_000));
    const wait = step * 30_000 - Date.now() + 200;
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
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
