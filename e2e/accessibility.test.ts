import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import en from '../web/src/i18n/en.json' with { type: 'json' };
import { openAppPage, withScreenshotOnFailure } from './support/browser.js';
import { signIn } from './support/sign-in.js';

const baseUrl = inject('passageBaseUrl');

/** The serious and critical WCAG 2.1 A/AA violations axe finds on the page, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => {
      const targets = violation.nodes.map((node) => node.target.join(' ')).join(', ');
      return `${violation.id}: ${violation.help} (${targets})`;
    });
}

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
