import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestProvider, type TestProvider } from '../src/test-support/oidc-test-provider.js';
import en from '../web/src/i18n/en.json' with { type: 'json' };
import { launchBrowser, withScreenshotOnFailure } from './support/browser.js';
import { findFreePort, type PassageServer, startPassageServer } from './support/passage-server.js';
import { freshCode } from './support/sign-in.js';

// Passage at http://localhost and the provider at http://127.0.0.1 are different sites, so the
// browser treats the provider's redirect back as the cross-site navigation it is in production.
let provider: TestProvider;
let server: PassageServer;
let browser: Browser;
let appUrl: string;

beforeAll(async () => {
  const port = await findFreePort();
  appUrl = `http://localhost:${port}`;
  provider = await startTestProvider({ redirectUri: `${appUrl}/api/v1/auth/oidc/callback` });
  // Only the demo users are needed: a small caseload starts faster.
  server = await startPassageServer({
    port,
    env: { ...provider.env, PUBLIC_URL: appUrl, PASSAGE_DEMO_CASES: '5' },
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await provider?.close();
});

async function freshPage(): Promise<Page> {
  const context = await browser.newContext({ baseURL: appUrl, locale: 'en-GB' });
  context.setDefaultTimeout(15_000);
  return context.newPage();
}

const providerButton = en.login.withProvider.replace('{{provider}}', 'Test IdP');

describe('signing in with the OpenID Connect provider in Chromium', () => {
  it('signs a counsellor in from the "Sign in with" button', async () => {
    const page = await freshPage();
    await withScreenshotOnFailure(page, 'oidc-counsellor', async () => {
      provider.signInAs({ email: 'counsellor@demo.passage.local' });
      await page.goto('/');
      await page.getByRole('link', { name: providerButton }).click();
      await page
        .getByRole('navigation', { name: en.nav.label })
        .getByRole('link', { name: en.nav.caseload })
        .waitFor();
      expect(new URL(page.url()).search).toBe('');
    });
  });

  it("asks a manager for Passage's code after the provider, then signs in", async () => {
    const page = await freshPage();
    await withScreenshotOnFailure(page, 'oidc-manager', async () => {
      provider.signInAs({ email: 'manager@demo.passage.local', amr: ['pwd', 'mfa'] });
      await page.goto('/');
      await page.getByRole('link', { name: providerButton }).click();
      const code = page.getByLabel(en.login.code);
      await code.fill(await freshCode('manager@demo.passage.local'));
      await page.getByRole('button', { name: en.login.verify }).click();
      await page
        .getByRole('navigation', { name: en.nav.label })
        .getByRole('link', { name: en.nav.caseload })
        .waitFor();
    });
  });

  it('turns away an e-mail no Passage user has, with the message saying so', async () => {
    const page = await freshPage();
    await withScreenshotOnFailure(page, 'oidc-unknown', async () => {
      provider.signInAs({ email: 'nobody@elsewhere.example' });
      await page.goto('/');
      await page.getByRole('link', { name: providerButton }).click();
      await page.getByRole('alert').filter({ hasText: en.login.oidcError.no_account }).waitFor();
      expect(new URL(page.url()).search).toBe('');
      await expect(page.getByLabel(en.login.email).isVisible()).resolves.toBe(true);
    });
  });
});
