import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import en from '../web/src/i18n/en.json' with { type: 'json' };
import { seriousViolations } from './support/axe.js';
import { openAppPage, withScreenshotOnFailure } from './support/browser.js';
import { signIn } from './support/sign-in.js';
import { uniqueName } from './support/unique-name.js';

const baseUrl = inject('passageBaseUrl');

/** A past year from another system: two good cases (one flew and was granted) and one with an impossible date. */
function historyFile(tag: string): Buffer {
  const header =
    'case_id,given_name,family_name,sex,date_of_birth,nationality,registered_at,decision,decided_at,departure_airport,arrival_airport,departure_local,arrival_local,airline,flight_number,grant_type,grant_amount,grant_cash_amount,grant_currency,granted_on';
  const rows = [
    `${tag}-1,Nadia,${tag},female,1988,IQ,2023-03-02,eligible_return_and_reintegration,2023-04-11,AMS,EBL,2023-05-20T10:15,2023-05-20T19:40,KL,1234,economic,1500.00,300.00,EUR,2023-05-20`,
    `${tag}-2,Samir,${tag},male,1975-06,NG,2023-07-14,eligible_return,2023-08-01,,,,,,,,,,,`,
    `${tag}-3,Omar,${tag},male,1990,GE,2023-02-30,,,,,,,,,,,,,`,
  ];
  return Buffer.from(`${[header, ...rows].join('\n')}\n`);
}

describe('importing past years', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ browser, page } = await openAppPage(baseUrl));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('checks a file first, imports it with its progress shown, and creates nothing the second time', async () => {
    await withScreenshotOnFailure(page, 'history-import', async () => {
      await signIn(page, 'admin@demo.passage.local');
      await page.goto('/admin/history-import');
      await page.getByRole('heading', { level: 2, name: en.historyImport.title }).waitFor();
      const file = { name: 'past-year.csv', mimeType: 'text/csv', buffer: historyFile(uniqueName('Old')) };
      const status = page.getByTestId('import-job').getByRole('status');
      const counts = (created: number, existing: number, rejected: number) =>
        en.historyImport.counts
          .replace('{{created}}', String(created))
          .replace('{{existing}}', String(existing))
          .replace('{{rejected}}', String(rejected));

      await page.getByLabel(en.historyImport.file).setInputFiles(file);
      await page.getByRole('button', { name: en.historyImport.check }).click();
      await expect.poll(() => status.textContent(), { timeout: 15_000 }).toContain(en.historyImport.checked);
      await page
        .getByTestId('import-job')
        .getByText(counts(2, 0, 1))
        .waitFor();
      const problems = page.getByRole('table', { name: en.historyImport.report });
      await expect.poll(() => problems.getByRole('row').count(), { timeout: 15_000 }).toBe(2);
      expect(await problems.getByRole('row').nth(1).textContent()).toContain('registered_at');

      await page.getByRole('button', { name: en.historyImport.start, exact: true }).click();
      await expect
        .poll(() => status.textContent(), { timeout: 30_000 })
        .toContain(en.historyImport.status.completed);
      await page
        .getByTestId('import-job')
        .getByText(counts(2, 0, 1))
        .waitFor();
      const progress = page.getByRole('progressbar', { name: en.historyImport.progressLabel });
      expect(await progress.getAttribute('value')).toBe(await progress.getAttribute('max'));

      // The same file again: its cases are known by the other system's case_id.
      await page.getByLabel(en.historyImport.file).setInputFiles(file);
      await page.getByRole('button', { name: en.historyImport.check }).click();
      await page
        .getByTestId('import-job')
        .getByText(counts(0, 2, 1))
        .waitFor();
      await page.getByRole('table', { name: en.historyImport.latest }).waitFor();

      expect(await seriousViolations(page)).toEqual([]);
    });
  });
});
