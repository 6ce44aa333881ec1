import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import en from '../web/src/i18n/en.json' with { type: 'json' };
import { seriousViolations } from './support/axe.js';
import { openAppPage, withScreenshotOnFailure } from './support/browser.js';
import { signIn } from './support/sign-in.js';

const baseUrl = inject('passageBaseUrl');

describe('the managers’ dashboard', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ browser, page } = await openAppPage(baseUrl));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the mission’s open cases, and an office’s own figures when filtered by office', async () => {
    await withScreenshotOnFailure(page, 'dashboard-office-filter', async () => {
      await signIn(page, 'manager@demo.passage.local');
      await page
        .getByRole('navigation', { name: en.nav.label })
        .getByRole('link', { name: en.nav.dashboard })
        .click();
      await page.getByRole('heading', { level: 1, name: en.dashboard.title }).waitFor();
      const openCases = page.getByTestId('open-cases');
      await openCases.waitFor();
      const mission = Number(await openCases.textContent());
      expect(mission).toBeGreaterThan(0);

      // The office with the most open cases still holds fewer than the whole mission's.
      const byOffice = page.getByRole('figure', { name: en.dashboard.byOffice });
      await byOffice.getByRole('button', { name: en.dashboard.showTable }).click();
      const firstRow = byOffice.getByRole('row').nth(1);
      const officeName = (await firstRow.getByRole('rowheader').textContent())?.trim() ?? '';
      const officeCount = Number(await firstRow.getByRole('cell').textContent());
      expect(officeCount).toBeLessThan(mission);

      await page.getByLabel(en.dashboard.office, { exact: true }).selectOption({ label: officeName });
      await expect.poll(async () => Number(await openCases.textContent())).toBe(officeCount);
      expect(new URL(page.url()).searchParams.get('officeId')).toMatch(/^[0-9a-f-]{36}$/);

      expect(await seriousViolations(page)).toEqual([]);
    });
  });
});
