import { randomInt } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { type APIRequestContext, type Browser, type Page, request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import en from '../web/src/i18n/en.json' with { type: 'json' };
import { openAppPage, withScreenshotOnFailure } from './support/browser.js';
import { findFreePort } from './support/passage-server.js';
import { signIn, signInApi } from './support/sign-in.js';

const baseUrl = inject('passageBaseUrl');

async function apiAs(email: string): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL: baseUrl });
  await signInApi(api, email);
  return api;
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = await probe();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

/** A demo case at travel documents that only needs its booking to be travel booked. */
async function bookableCase(api: APIRequestContext): Promise<{ id: string; persons: { id: string }[] }> {
  const list = await api.get('/api/v1/cases?status=travel_documents&pageSize=100');
  expect(list.status()).toBe(200);
  for (const item of (await list.json()).items as { id: string }[]) {
    const transitions = (await (await api.get(`/api/v1/cases/${item.id}/transitions`)).json()).items as {
      transition: string;
      allowed: boolean;
      reasons: { code: string }[];
    }[];
    // Only the booking itself stands before "travel booked": confirming one takes that step.
    const bookable = (t: (typeof transitions)[number]) =>
      t.transition === 'book_travel' && t.reasons.every((reason) => reason.code === 'booking_not_confirmed');
    if (transitions.some(bookable)) {
      return (await (await api.get(`/api/v1/cases/${item.id}`)).json()).case;
    }
  }
  throw new Error('The demo caseload has no case ready to book');
}

describe('the airport operations board', () => {
  let browser: Browser;
  let page: Page;
  let hookServer: Server;
  const hooks: { event: string; body: Record<string, unknown> }[] = [];

  beforeAll(async () => {
    const port = await findFreePort();
    hookServer = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => {
        body += chunk;
      });
      req.on('end', () => {
        const parsed = JSON.parse(body) as { type: string };
        hooks.push({ event: parsed.type, body: parsed as unknown as Record<string, unknown> });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => hookServer.listen(port, '127.0.0.1', resolve));
    (globalThis as { hookUrl?: string }).hookUrl = `http://127.0.0.1:${port}/passage`;
    ({ browser, page } = await openAppPage(baseUrl, { timezoneId: 'Europe/Amsterdam' }));
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => hookServer?.close(resolve));
  });

  it('shows the day’s flight in local time, marks a passenger departed, and the SMS and webhook go out', async () => {
    const admin = await apiAs('admin@demo.passage.local');
    const movements = await apiAs('movements@demo.passage.local');
    // The reception agency listens for departures.
    const offices = (await (await admin.get('/api/v1/offices')).json()).items as { id: string }[];
    const partner = await admin.post('/api/v1/partners', {
      data: {
        name: `COA e2e ${randomInt(1e9)}`,
        kind: 'reception_agency',
        referralSource: 'reception_agency',
        defaultOfficeId: offices[0]!.id,
      },
    });
    expect(partner.status(), await partner.text()).toBe(201);
    const partnerId = (await partner.json()).id ?? (await partner.json()).partner?.id;
    const hook = await admin.post(`/api/v1/partners/${partnerId}/webhooks`, {
      data: {
        url: (globalThis as { hookUrl?: string }).hookUrl,
        events: ['case.departed'],
        caseScope: 'all',
      },
    });
    expect(hook.status(), await hook.text()).toBe(201);

    // A traveller with a phone number, booked and confirmed on a flight through the API.
    const kase = await bookableCase(movements);
    const principal = kase.persons[0]!;
    const person = (await (await admin.get(`/api/v1/persons/${principal.id}`)).json()).person;
    const phone = `+3161${String(randomInt(1e7)).padStart(7, '0')}`;
    const patched = await admin.patch(`/api/v1/persons/${principal.id}`, {
      data: { version: person.version, phone, preferredLanguage: 'nl' },
    });
    expect(patched.status(), await patched.text()).toBe(200);
    // The traveller consented to sharing their data with the reception agency: the webhook carries the flight.
    const consent = await admin.post(`/api/v1/persons/${principal.id}/consents`, {
      data: {
        purpose: 'partner_sharing',
        partnerId,
        givenOn: new Date().toISOString().slice(0, 10),
        how: 'written',
      },
    });
    expect(consent.status(), await consent.text()).toBe(201);
    const flightNumber = String(randomInt(1000, 9999));
    const held = await movements.post('/api/v1/bookings', {
      data: {
        caseId: kase.id,
        passengers: [{ personId: principal.id }],
        segments: [
          {
            airline: 'KL',
            flightNumber,
            departureAirport: 'AMS',
            departureLocal: '2030-05-04T10:40',
            arrivalAirport: 'EBL',
            arrivalLocal: '2030-05-04T16:55',
          },
        ],
      },
    });
    expect(held.status(), await held.text()).toBe(201);
    const booking = (await held.json()).booking;
    const confirmed = await movements.post(`/api/v1/bookings/${booking.id}/confirm`);
    expect(confirmed.status(), await confirmed.text()).toBe(200);

    await withScreenshotOnFailure(page, 'board', async () => {
      await signIn(page, 'movements@demo.passage.local');
      await page
        .getByRole('navigation', { name: en.nav.label })
        .getByRole('link', { name: en.nav.board })
        .click();
      await page.getByLabel(en.board.date).fill('2030-05-04');
      await page.getByLabel(en.board.airport).fill('AMS');
      // The board's own form: the day's flights have buttons of the same name.
      await page
        .locator('form')
        .filter({ has: page.getByLabel(en.board.date) })
        .getByRole('button', { name: en.board.show })
        .click();
      const flight = page.getByTestId('board-flight').filter({ hasText: `KL${flightNumber}` });
      await flight.getByRole('heading', { name: new RegExp(`KL${flightNumber} 10:40`) }).waitFor();
      const row = flight.getByTestId('board-passenger').first();
      await row
        .getByRole('button', { name: new RegExp(`^${en.board.departedFor.replace('{{name}}', '.+')}$`) })
        .click();
      await row.getByText(en.board.passengerStatus.departed, { exact: true }).waitFor();
    });

    const after = (await (await movements.get(`/api/v1/cases/${kase.id}`)).json()).case;
    expect(after.status).toBe('departed');
    const sms = await until('the flight SMS in the development sink', async () => {
      const sink = (await (await admin.get('/api/v1/dev-sink/messages?channel=sms')).json()).items as {
        recipient: string;
        body: string;
      }[];
      return sink.find((message) => message.recipient === phone);
    });
    expect(sms.body).toContain(`KL${flightNumber}`);
    expect(sms.body).toContain('10:40');
    const departed = await until('the case.departed webhook', async () =>
      hooks.find(
        (h) => h.event === 'case.departed' && (h.body.data as { caseId?: string }).caseId === kase.id,
      ),
    );
    expect((departed.body.data as { flight: string }).flight).toBe(`KL${flightNumber}`);
    await admin.dispose();
    await movements.dispose();
  });
});
