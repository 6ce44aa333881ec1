import { type Browser, type Page, request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import en from '../web/src/i18n/en.json' with { type: 'json' };
import { openAppPage, withScreenshotOnFailure } from './support/browser.js';
import { signInApi } from './support/sign-in.js';
import { uniqueName } from './support/unique-name.js';

const baseUrl = inject('passageBaseUrl');
const PASSWORD = 'passage-demo';

/** The directory needs an embassy; the administrator adds one through the API (not the subject here). */
async function addEmbassy(city: string): Promise<void> {
  const api = await request.newContext({ baseURL: baseUrl });
  try {
    await signInApi(api, 'admin@demo.passage.local');
    const created = await api.post('/api/v1/embassies', { data: { country: 'IQ', kind: 'embassy', city } });
    expect(created.status()).toBe(201);
  } finally {
    await api.dispose();
  }
}

describe('a vulnerable-cases officer takes a medical case from counselling to travel unblocked', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ browser, page } = await openAppPage(baseUrl));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('records counselling, clears fit to fly and the other health steps, obtains a laissez-passer and leaves only the booking before travel', async () => {
    const familyName = uniqueName('Medivar');
    const embassyCity = uniqueName('Hague-');
    await addEmbassy(embassyCity);

    await withScreenshotOnFailure(page, 'medical-case', async () => {
      await page.goto('/');
      await page.getByLabel(en.login.email).fill('vulnerable@demo.passage.local');
      await page.getByLabel(en.login.password).fill(PASSWORD);
      await page.getByRole('button', { name: en.login.submit }).click();
      const mainNav = page.getByRole('navigation', { name: en.nav.label });
      await mainNav.getByRole('link', { name: en.nav.newCase }).click();

      // Register the migrant and open a case with health needs.
      await page.getByRole('heading', { level: 1, name: en.newCase.title }).waitFor();
      await page.getByLabel(en.person.givenName, { exact: true }).fill('Dilan');
      await page.getByLabel(en.person.familyName, { exact: true }).fill(familyName);
      await page.getByLabel(en.person.sex, { exact: true }).selectOption({ label: en.sex.female });
      await page.getByLabel(en.person.dateOfBirth, { exact: true }).fill('1979-09-30');
      await page.getByLabel(en.person.nationalities).fill('IQ');
      await page.getByLabel(en.person.languages).fill('ku');
      await page.getByRole('button', { name: en.newCase.checkAndRegister }).click();
      const peopleOnCase = page.getByRole('region', { name: en.newCase.peopleOnCase });
      const registered = peopleOnCase.getByText(familyName);
      const lookAlike = page.getByRole('button', { name: en.duplicates.registerAnyway });
      await registered.or(lookAlike).first().waitFor();
      if (await lookAlike.isVisible()) await lookAlike.click();
      await registered.waitFor();
      const caseDetails = page.getByRole('region', { name: en.newCase.caseDetails });
      const referral = caseDetails.getByLabel(en.case.referralSource);
      await referral.locator('option').nth(1).waitFor({ state: 'attached' });
      await referral.selectOption({ index: 1 });
      await caseDetails.getByLabel(en.vulnerability.health_needs).check();
      await caseDetails.getByRole('button', { name: en.newCase.openCase }).click();
      await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
      const caseId = new URL(page.url()).pathname.split('/').pop()!;

      // The health procedure started with its six steps.
      const procedures = page.getByRole('region', { name: en.procedures.title });
      await procedures.getByText(en.procedures.openSteps_other.replace('{{count}}', '6')).waitFor();

      // Counselling: start it and record a session with an interpreter.
      const nextSteps = page.getByRole('region', { name: en.transitions.title });
      await nextSteps.getByRole('button', { name: 'Start counselling' }).click();
      await expectStatus(page, en.status.counselling);
      const counselling = page.getByRole('region', { name: en.counselling.title });
      await counselling.getByLabel(en.counselling.language, { exact: true }).fill('ar');
      await counselling.getByLabel(en.counselling.interpreterUsed).check();
      await counselling.getByLabel(en.counselling.interpreterLanguage).fill('ku');
      await counselling.getByLabel(en.counselling.topics.return_options).check();
      await counselling.getByLabel(en.counselling.topics.health).check();
      await counselling
        .getByLabel(en.counselling.outcome)
        .selectOption({ label: en.counselling.outcomes.decided_to_return });
      await counselling.getByLabel(en.counselling.nextStep).fill('Medical assessment at the GGD');
      await counselling.getByRole('button', { name: en.counselling.save }).click();
      await counselling
        .getByTestId('counselling-session')
        .filter({ hasText: en.counselling.outcomes.decided_to_return })
        .waitFor();

      // Application, eligibility (recorded through the API: its form belongs to another screen), travel documents.
      await nextSteps.getByRole('button', { name: 'Submit application' }).click();
      await expectStatus(page, en.status.application_submitted);
      const decision = await page.request.post(`/api/v1/cases/${caseId}/eligibility-decisions`, {
        data: {
          declarations: {
            canPayOwnDeparture: false,
            intendsToLeavePermanently: true,
            agreesToEndProcedure: true,
            governmentObjection: false,
            dublinClaimant: false,
            travelDocumentObtainable: true,
          },
        },
      });
      expect(decision.status(), await decision.text()).toBe(201);
      await page.reload();
      await nextSteps.getByRole('button', { name: 'Decide: eligible' }).click();
      await expectStatus(page, en.status.eligible);
      await nextSteps.getByRole('button', { name: 'Request travel documents' }).click();
      await expectStatus(page, en.status.travel_documents);

      // Booking is blocked: no travel document, and the health steps are open.
      const blocked = nextSteps.getByTestId('blocked-transition').filter({ hasText: 'Book travel' });
      await blocked.getByText('No valid travel document').waitFor();
      await blocked.getByText('Health needs: Fit to fly').waitFor();

      // The embassy issues a laissez-passer.
      const requests = page.getByRole('region', { name: en.travelRequests.title });
      await requests
        .getByLabel(en.travelRequests.embassy)
        .selectOption({ label: `Embassy of IQ, ${embassyCity}` });
      await requests.getByRole('button', { name: en.travelRequests.add }).click();
      const item = requests.getByTestId('travel-document-request');
      await item.getByText(en.travelRequests.statuses.requested).waitFor();
      await item
        .getByLabel(en.travelRequests.answer)
        .selectOption({ label: en.travelRequests.statuses.issued });
      await item.getByLabel(en.travelRequests.documentNumber).fill('LP-2026-0042');
      await item.getByLabel(en.travelRequests.validUntil).fill('2030-12-31');
      await item.getByRole('button', { name: en.travelRequests.saveAnswer }).click();
      await item.getByText('LP-2026-0042').waitFor();
      await blocked.getByText('No valid travel document').waitFor({ state: 'detached' });

      // The health steps: fit to fly first refused as "unfit", then cleared.
      const step = (code: string) => procedures.getByTestId(`step-${code}`);
      const fitToFly = step('fit_to_fly');
      await fitToFly
        .getByLabel(en.procedures.fields.result, { exact: true })
        .selectOption({ label: en.procedures.fitToFly.unfit });
      await fitToFly.getByLabel(en.procedures.fields.date, { exact: true }).fill('2026-05-04');
      await fitToFly.getByRole('button', { name: /Save and complete/ }).click();
      await fitToFly
        .getByTestId('step-fit_to_fly-details')
        .filter({ hasText: en.procedures.fitToFly.unfit })
        .waitFor();
      expect(await fitToFly.getByRole('checkbox', { name: en.procedures.steps.fit_to_fly }).isChecked()).toBe(
        false,
      );
      await fitToFly
        .getByLabel(en.procedures.fields.result, { exact: true })
        .selectOption({ label: en.procedures.fitToFly.fit_with_conditions });
      await fitToFly.getByRole('button', { name: /Save and complete/ }).click();
      await expect
        .poll(() => fitToFly.getByRole('checkbox', { name: en.procedures.steps.fit_to_fly }).isChecked())
        .toBe(true);

      const escort = step('escort_type');
      await escort
        .getByLabel(en.procedures.fields.escortType, { exact: true })
        .selectOption({ label: en.procedures.escort.medical });
      await escort.getByRole('button', { name: /Save and complete/ }).click();
      await expect.poll(() => escort.getByRole('checkbox').first().isChecked()).toBe(true);
      const budget = step('medical_budget');
      await budget.getByLabel(en.procedures.fields.amount, { exact: true }).fill('1500');
      await budget.getByRole('button', { name: /Save and complete/ }).click();
      await budget.getByText('EUR 1500.00').waitFor();
      for (const code of [
        'medical_assessment',
        'treatment_availability_checked',
        'medical_file_translated',
      ]) {
        const box = step(code).getByRole('checkbox');
        await box.click();
        await expect.poll(() => box.isChecked()).toBe(true);
      }
      await procedures.getByText(en.procedures.openSteps_other.replace('{{count}}', '0')).waitFor();

      // Travel is unblocked: what still stands between the case and "travel booked" is the booking
      // itself (confirming a booking for every traveller takes that step), not a document or a health step.
      await blocked.getByText(/No confirmed booking for/).waitFor();
      await blocked.getByText('No valid travel document').waitFor({ state: 'detached' });
    });
  });
});

async function expectStatus(page: Page, label: string): Promise<void> {
  await page
    .getByTestId('case-status')
    .filter({ hasText: new RegExp(`^${label}$`) })
    .waitFor();
}
