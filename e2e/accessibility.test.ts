import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import en from '../web/src/i18n/en.json' with { type: 'json' };
import { seriousViolations } from './support/axe.js';
import { openAppPage, withScreenshotOnFailure } from './support/browser.js';
import { signIn } from './support/sign-in.js';

const baseUrl = inject('passageBaseUrl');

describe('accessibility of the main pages (axe, WCAG 2.1 AA)', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ browser, page } = await openAppPage(baseUrl));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the sign-in page', async () => {
    await page.goto('/');
    await page.getByRole('button', { name: en.login.submit }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('the caseload, the new-case page and a case page', async () => {
    await withScreenshotOnFailure(page, 'accessibility-pages', async () => {
      await signIn(page, 'counsellor@demo.passage.local');
      await page.getByRole('heading', { level: 1, name: en.caseload.title }).waitFor();
      await page.getByRole('row').nth(1).waitFor();
      expect(await seriousViolations(page), 'caseload').toEqual([]);

      const nav = page.getByRole('navigation', { name: en.nav.label });
      await nav.getByRole('link', { name: en.nav.newCase }).click();
      await page.getByRole('heading', { level: 1, name: en.newCase.title }).waitFor();
      expect(await seriousViolations(page), 'new case').toEqual([]);

      await nav.getByRole('link', { name: en.nav.caseload }).click();
      await page.getByRole('row').nth(1).getByRole('link').first().click();
      await page.getByRole('region', { name: en.timeline.title }).getByRole('listitem').first().waitFor();
      expect(await seriousViolations(page), 'case page').toEqual([]);
    });
  });
});
