import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import en from '../web/src/i18n/en.json' with { type: 'json' };
import { openAppPage, withScreenshotOnFailure } from './support/browser.js';
import { signIn } from './support/sign-in.js';
import { uniqueName } from './support/unique-name.js';

const baseUrl = inject('passageBaseUrl');

describe('a counsellor takes an AVRR case to "application submitted"', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ browser, page } = await openAppPage(baseUrl));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('registers a migrant, opens the case, records and withdraws a consent, submits the application and finds it in the caseload', async () => {
    const givenName = 'Karwan';
    const familyName = uniqueName('Qorvath');

    await withScreenshotOnFailure(page, 'avrr-application-submitted', async () => {
      await signIn(page, 'counsellor@demo.passage.local');
      const mainNav = page.getByRole('navigation', { name: en.nav.label });

      // Register the migrant.
      await mainNav.getByRole('link', { name: en.nav.newCase }).click();
      await page.getByRole('heading', { level: 1, name: en.newCase.title }).waitFor();
      await page.getByLabel(en.person.givenName, { exact: true }).fill(givenName);
      await page.getByLabel(en.person.familyName, { exact: true }).fill(familyName);
      await page.getByLabel(en.person.sex, { exact: true }).selectOption({ label: en.sex.male });
      await page.getByLabel(en.person.dateOfBirth, { exact: true }).fill('1991-04-12');
      await page.getByLabel(en.person.nationalities).fill('IQ');
      await page.getByLabel(en.person.languages).fill('ku, ar');
      await page.getByLabel(en.person.phone).fill('+31612345678');
      await page.getByRole('button', { name: en.newCase.checkAndRegister }).click();

      // The person is now on the case (or, should the check find a look-alike, registered anyway).
      const peopleOnCase = page.getByRole('region', { name: en.newCase.peopleOnCase });
      const registered = peopleOnCase.getByText(familyName);
      const lookAlike = page.getByRole('button', { name: en.duplicates.registerAnyway });
      await registered.or(lookAlike).first().waitFor();
      if (await lookAlike.isVisible()) await lookAlike.click();
      await registered.waitFor();

      // Open the AVRR case at the counsellor's own office (the default) with a referral source.
      const caseDetails = page.getByRole('region', { name: en.newCase.caseDetails });
      const referral = caseDetails.getByLabel(en.case.referralSource);
      await referral.locator('option').nth(1).waitFor({ state: 'attached' });
      await referral.selectOption({ index: 1 });
      await caseDetails.getByRole('button', { name: en.newCase.openCase }).click();
      await page.waitForURL((url) => /^\/cases\/[^/]+$/.test(url.pathname) && url.pathname !== '/cases/new');
      const caseUrl = new URL(page.url()).pathname;
      await expectStatus(page, en.status.registered);
      const reference = (await page.getByRole('heading', { level: 1 }).textContent())?.trim() ?? '';
      expect(reference).toMatch(/\S/);

      // The migrant agrees to SMS contact, then withdraws it: the People panel keeps both facts.
      const consents = page.getByRole('region', { name: en.consent.title });
      await consents
        .getByLabel(en.consent.purposeLabel)
        .selectOption({ label: en.consent.purpose.sms_contact });
      await consents.getByLabel(en.consent.howLabel).selectOption({ label: en.consent.how.verbal });
      await consents.getByRole('button', { name: en.consent.submit }).click();
      const smsRow = consents.getByTestId('consent-row').filter({ hasText: en.consent.purpose.sms_contact });
      await smsRow.getByTestId('consent-state').filter({ hasText: en.consent.active }).waitFor();
      await expect(smsRow.getByRole('cell', { name: en.consent.how.verbal }).count()).resolves.toBe(1);
      await smsRow.getByRole('button', { name: en.consent.withdraw }).click();
      await smsRow
        .getByTestId('consent-state')
        .filter({ hasText: en.consent.withdrawnOn.split('{{')[0]!.trim() })
        .waitFor();
      await expect(smsRow.getByRole('button', { name: en.consent.withdraw }).count()).resolves.toBe(0);
      await consents
        .getByTestId('consent-row')
        .filter({ hasText: en.consent.purpose.return_assistance })
        .getByText(en.consent.notRecorded)
        .waitFor();

      // Two steps of the workflow: start counselling, then submit the application.
      const nextSteps = page.getByRole('region', { name: en.transitions.title });
      await nextSteps.getByRole('button', { name: 'Start counselling' }).click();
      await expectStatus(page, en.status.counselling);
      await nextSteps.getByRole('button', { name: 'Submit application' }).click();
      await expectStatus(page, en.status.application_submitted);

      // The caseload finds it by name, in its new status.
      await mainNav.getByRole('link', { name: en.nav.caseload }).click();
      await page.getByRole('heading', { level: 1, name: en.caseload.title }).waitFor();
      await page.getByLabel(en.caseload.searchByName).fill(familyName);
      await page.getByRole('button', { name: en.caseload.applyFilters }).click();
      const row = page.getByRole('row').filter({ hasText: familyName });
      await row.getByRole('cell', { name: en.status.application_submitted }).waitFor();
      expect(await page.getByRole('row').filter({ hasText: familyName }).count()).toBe(1);

      // Its timeline shows the change; the case page loads the case, its steps and its timeline in one request.
      const caseReads: string[] = [];
      const caseApi = `/api/v1${caseUrl}`;
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (request.method() !== 'GET') return;
        if ([caseApi, `${caseApi}/transitions`, `${caseApi}/timeline`].includes(url.pathname)) {
          caseReads.push(`${url.pathname}${url.search}`);
        }
      });
      await row.getByRole('link', { name: reference }).click();
      await page.waitForURL((url) => url.pathname === caseUrl);
      const timeline = page.getByRole('region', { name: en.timeline.title });
      await timeline
        .getByRole('listitem')
        .filter({
          hasText: `Status changed from ${en.status.counselling} to ${en.status.application_submitted}`,
        })
        .first()
        .waitFor();
      expect(caseReads).toEqual([`${caseApi}?include=transitions,timeline`]);
    });
  });
});

/** Waits until the case header shows the status. */
async function expectStatus(page: Page, label: string): Promise<void> {
  await page
    .getByTestId('case-status')
    .filter({ hasText: new RegExp(`^${label}$`) })
    .waitFor();
}
