// Administration through the real UI: the demo administrator opens an office, adds a user there and
// sees their one-time link, edits their roles; the new user sets a password through the link, signs
// in and changes it (a common one is refused, in words from the catalogue); the administrator
// deactivates them and their session ends; the administrator, a platform administrator in the demo,
// creates a mission. axe checks every administration page on the way.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import en from '../web/src/i18n/en.json' with { type: 'json' };
import nl from '../web/src/i18n/nl.json' with { type: 'json' };
import { seriousViolations } from './support/axe.js';
import { openAppPage, withScreenshotOnFailure } from './support/browser.js';
import { signIn } from './support/sign-in.js';
import { uniqueName } from './support/unique-name.js';

const baseUrl = inject('passageBaseUrl');

const NEW_PASSWORD = 'harbour-lantern-quietly-57';
const CHANGED_PASSWORD = 'meadow-granite-sparrow-83';

describe('administration', () => {
  let browser: Browser;
  let admin: Page;
  let userContext: BrowserContext;
  let user: Page;
  const officeName = uniqueName('Desk ');
  const userName = uniqueName('Officer ');
  const email = `${userName.split(' ')[1]}@example.org`;
  let linkPath = '';

  beforeAll(async () => {
    ({ browser, page: admin } = await openAppPage(baseUrl));
    // The new user works in a browser of their own (no cookie of the administrator's).
    userContext = await browser.newContext({ baseURL: baseUrl, locale: 'en-GB' });
    userContext.setDefaultTimeout(15_000);
    user = await userContext.newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const adminSection = (name: string) =>
    admin
      .getByRole('navigation', { name: en.admin.sections })
      .getByRole('link', { name, exact: true })
      .click();

  it('an administrator opens an office and adds a user there, seeing the one-time link', async () => {
    await withScreenshotOnFailure(admin, 'administration-office-user', async () => {
      await signIn(admin, 'admin@demo.passage.local');
      await admin
        .getByRole('navigation', { name: en.nav.label })
        .getByRole('link', { name: en.nav.admin })
        .click();

      await adminSection(en.admin.offices);
      await admin.getByRole('heading', { name: en.offices.title }).waitFor();
      await admin.getByLabel(en.offices.name, { exact: true }).fill(officeName);
      await admin.getByLabel(en.offices.kind).selectOption('airport_desk');
      await admin.getByLabel(en.offices.country).fill('NL');
      await admin.getByLabel(en.offices.city).fill('Eindhoven');
      await admin.getByRole('button', { name: en.offices.save }).click();
      await admin.getByTestId('office').filter({ hasText: officeName }).waitFor();
      expect(await seriousViolations(admin), 'offices page').toEqual([]);

      await adminSection(en.admin.users);
      await admin.getByRole('heading', { name: en.users.title }).waitFor();
      await admin.getByTestId('user-row').first().waitFor();
      await admin.getByLabel(en.users.name, { exact: true }).fill(userName);
      await admin.getByLabel(en.users.email, { exact: true }).fill(email);
      await admin.getByLabel(en.users.role, { exact: true }).selectOption('counsellor');
      await admin.getByLabel(en.users.office, { exact: true }).selectOption({ label: officeName });
      await admin.getByRole('button', { name: en.users.save }).click();
      const link = admin.getByTestId('password-link');
      await link.waitFor();
      expect(await link.textContent()).toContain(userName);
      const url = new URL(await link.getByLabel(en.users.link).inputValue());
      expect(url.pathname).toBe('/set-password');
      expect(url.hash).toMatch(/^#token=.{20,}$/);
      linkPath = `${url.pathname}${url.hash}`;
      const row = admin.getByTestId('user-row').filter({ hasText: email });
      await expect
        .poll(() => row.textContent())
        .toContain(`${en.users.roleNames.counsellor} (${officeName})`);
      expect(await row.textContent()).toContain(en.users.invited);
      expect(await seriousViolations(admin), 'users page').toEqual([]);
    });
  });

  it('the administrator gives the user a second role at another office', async () => {
    await withScreenshotOnFailure(admin, 'administration-roles', async () => {
      const row = admin.getByTestId('user-row').filter({ hasText: email });
      await row.getByRole('button', { name: new RegExp(`^${en.users.editRoles}`) }).click();
      const editor = admin.getByTestId('role-editor');
      await editor.waitFor();
      await editor.getByRole('button', { name: en.users.addRole }).click();
      await editor.getByLabel(`${en.users.role} 2`).selectOption('movements_officer');
      await editor.getByLabel(`${en.users.office} 2`).selectOption({ label: 'Schiphol airport desk' });
      expect(await seriousViolations(admin), 'role editor').toEqual([]);
      await editor.getByRole('button', { name: en.users.saveRoles }).click();
      await editor.waitFor({ state: 'detached' });
      await expect
        .poll(() => row.textContent())
        .toContain(`${en.users.roleNames.movements_officer} (Schiphol airport desk)`);
      expect(await row.textContent()).toContain(`${en.users.roleNames.counsellor} (${officeName})`);
    });
  });

  it('the new user sets a password through the link, signs in and changes it (a common one refused)', async () => {
    await withScreenshotOnFailure(user, 'administration-new-user', async () => {
      await user.goto(linkPath);
      await user.getByRole('heading', { name: en.setPassword.title }).waitFor();
      await user.getByText(email).waitFor();
      expect(await seriousViolations(user), 'set-password page').toEqual([]);
      await user.getByLabel(en.setPassword.password).fill(NEW_PASSWORD);
      await user.getByRole('button', { name: en.setPassword.save }).click();
      await user.getByRole('status').filter({ hasText: en.setPassword.done }).waitFor();

      await signIn(user, email, NEW_PASSWORD);
      await user.getByRole('link', { name: en.nav.changePassword }).click();
      await user.getByRole('heading', { level: 1, name: en.changePassword.title }).waitFor();
      expect(await seriousViolations(user), 'change-password page').toEqual([]);

      await user.getByLabel(en.changePassword.current).fill(NEW_PASSWORD);
      await user.getByLabel(en.changePassword.new, { exact: true }).fill('password1234');
      await user.getByLabel(en.changePassword.confirm).fill('password1234');
      await user.getByRole('button', { name: en.changePassword.save }).click();
      await user.locator('#new-password-error').filter({ hasText: en.errorCodes.password_common }).waitFor();
      expect(await seriousViolations(user), 'change-password page with an error').toEqual([]);
      // The reason comes as a code: the page words it in the language chosen, here Dutch.
      await user.getByRole('button', { name: en.language.short.nl, exact: true }).click();
      await user.locator('#new-password-error').filter({ hasText: nl.errorCodes.password_common }).waitFor();
      await user.getByRole('button', { name: nl.language.short.en, exact: true }).click();
      await user.getByRole('heading', { level: 1, name: en.changePassword.title }).waitFor();

      await user.getByLabel(en.changePassword.current).fill(NEW_PASSWORD);
      await user.getByLabel(en.changePassword.new, { exact: true }).fill(CHANGED_PASSWORD);
      await user.getByLabel(en.changePassword.confirm).fill(CHANGED_PASSWORD);
      await user.getByRole('button', { name: en.changePassword.save }).click();
      await user.getByTestId('password-changed').waitFor();
    });
  });

  it('the administrator deactivates the user, whose session ends', async () => {
    await withScreenshotOnFailure(admin, 'administration-deactivate', async () => {
      await admin.reload();
      const row = admin.getByTestId('user-row').filter({ hasText: email });
      await expect.poll(() => row.textContent()).toContain(en.users.active);
      await row.getByRole('button', { name: en.users.deactivate }).click();
      await expect.poll(() => row.textContent()).toContain(en.users.inactive);
      await row.getByRole('button', { name: en.users.reactivate }).waitFor();

      await user.reload();
      await user.getByRole('button', { name: en.login.submit }).waitFor();
    });
  });

  it('the administrator adds a partner NGO and a referral source, and reads the SMS templates, emission factors and mission settings', async () => {
    await withScreenshotOnFailure(admin, 'administration-lists', async () => {
      await adminSection(en.admin.partnerNgos);
      await admin.getByRole('heading', { name: en.partnerNgos.title }).waitFor();
      const ngo = uniqueName('Partner ');
      await admin.getByLabel(en.partnerNgos.name, { exact: true }).fill(ngo);
      await admin.getByRole('button', { name: en.partnerNgos.save }).click();
      await admin.getByTestId('partner-ngo').filter({ hasText: ngo }).waitFor();
      expect(await seriousViolations(admin), 'partner NGOs page').toEqual([]);

      await adminSection(en.admin.referralSources);
      await admin.getByRole('heading', { name: en.referralSources.title }).waitFor();
      const source = uniqueName('Source ');
      await admin.getByLabel(en.referralSources.code).fill(source.toLowerCase().replace(' ', '_'));
      await admin.getByLabel(en.referralSources.labelEn).fill(source);
      await admin.getByLabel(en.referralSources.labelNl).fill(`${source} (nl)`);
      await admin.getByRole('button', { name: en.referralSources.save }).click();
      await admin.getByTestId('referral-source').filter({ hasText: source }).waitFor();
      expect(await seriousViolations(admin), 'referral sources page').toEqual([]);

      await adminSection(en.admin.smsTemplates);
      await admin.getByRole('heading', { name: en.smsTemplates.title }).waitFor();
      await admin.getByTestId('sms-template').first().waitFor();
      expect(await seriousViolations(admin), 'SMS templates page').toEqual([]);

      await adminSection(en.admin.factorSets);
      await admin.getByRole('heading', { name: en.factorSets.title }).waitFor();
      await admin.getByTestId('factor-set').first().waitFor();
      expect(await seriousViolations(admin), 'emission factors page').toEqual([]);

      await adminSection(en.admin.missionSettings);
      await admin.getByRole('heading', { name: en.missionSettings.title }).waitFor();
      await expect.poll(() => admin.getByLabel(en.missions.timeZone).inputValue()).toBe('Europe/Amsterdam');
      expect(await seriousViolations(admin), 'mission settings page').toEqual([]);
    });
  });

  it('the demo administrator, a platform administrator, creates a mission and sees its administrator’s link', async () => {
    await withScreenshotOnFailure(admin, 'administration-missions', async () => {
      await adminSection(en.admin.missions);
      await admin.getByRole('heading', { name: en.missions.title }).waitFor();
      await admin.getByTestId('mission-row').filter({ hasText: 'NL-DEMO' }).waitFor();
      expect(await seriousViolations(admin), 'missions page').toEqual([]);

      const code = `CO-${uniqueName('').toUpperCase()}`;
      const field = (label: string) => admin.getByLabel(label, { exact: true });
      await field(en.missions.code).fill(code);
      await field(en.missions.name).fill(`IOM Colombia ${code}`);
      await field(en.missions.country).fill('CO');
      await field(en.missions.timeZone).fill('America/Bogota');
      await field(en.missions.currency).fill('COP');
      await field(en.missions.languages).fill('es, en');
      await field(en.missions.officeName).fill('Bogotá office');
      await field(en.missions.officeKind).selectOption('mission_office');
      await field(en.missions.officeCity).fill('Bogotá');
      await field(en.missions.adminName).fill('Camila Admin');
      await field(en.missions.adminEmail).fill(`camila.${code.toLowerCase()}@example.org`);
      await admin.getByRole('button', { name: en.missions.save }).click();

      const link = admin.getByTestId('password-link');
      await link.waitFor();
      expect(await link.getByLabel(en.users.link).inputValue()).toMatch(/\/set-password#token=/);
      const row = admin.getByTestId('mission-row').filter({ hasText: code });
      await row.waitFor();
      expect(await row.textContent()).toContain('America/Bogota');
    });
  });
});
