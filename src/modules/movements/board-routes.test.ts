import { inflateSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/audit/schema.js';
import { outboxMessages } from '../../platform/outbox/schema.js';
import { principalOf } from '../../test-support/build-case.js';
import { buildMission, type TestMission } from '../../test-support/build-mission.js';
import { buildPerson } from '../../test-support/build-person.js';
import { startTestApp, type TestApp } from '../../test-support/test-app.js';
import { cases } from '../cases/schema.js';
import { amsIstEbl, buildTravellingCase, subscribePartner } from './movements-test-support.js';

let t: TestApp;
let mission: TestMission;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});
beforeEach(async () => {
  mission = await buildMission(t.database.db);
});

async function confirmedCase(travellers = [{}], itinerary = amsIstEbl()) {
  const { kase, personIds } = await buildTravellingCase(t.database.db, mission, travellers);
  const api = await t.as(mission.users.movements);
  const held = await api.post('/api/v1/bookings', { caseId: kase.id, ...itinerary });
  expect(held.statusCode, held.body).toBe(201);
  const confirmed = await api.post(`/api/v1/bookings/${held.json().booking.id}/confirm`);
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  return { api, kase, personIds, booking: confirmed.json().booking };
}

async function caseStatus(caseId: string) {
  const [row] = await t.database.db
    .select({ status: cases.status })
    .from(cases)
    .where(and(eq(cases.missionId, mission.missionId), eq(cases.id, caseId)));
  return row!.status;
}

describe('the airport operations board', () => {
  it('lists departures, transits and arrivals by flight in each airport’s local time', async () => {
    const { api } = await confirmedCase();
    // A resettlement arrival and a transit through AMS, without cases.
    const refugee = await buildPerson(t.database.db, mission.missionId, { givenName: 'Rania' });
    const transiting = await buildPerson(t.database.db, mission.missionId, { givenName: 'Samir' });
    const resettlement = await t.as(mission.users.resettlement);
    const arrival = await resettlement.post('/api/v1/bookings', {
      kind: 'arrival',
      programme: 'resettlement',
      passengers: [{ personId: refugee.id, specialNeeds: ['wheelchair'] }],
      segments: [
        {
          airline: 'KL',
          flightNumber: '588',
          departureAirport: 'LOS',
          departureLocal: '2025-07-01T23:10',
          arrivalAirport: 'AMS',
          arrivalLocal: '2025-07-02T06:05',
        },
      ],
    });
    expect(arrival.statusCode, arrival.body).toBe(201);
    await resettlement.post(`/api/v1/bookings/${arrival.json().booking.id}/confirm`);
    const transit = await api.post('/api/v1/bookings', {
      kind: 'transit',
      programme: 'resettlement',
      passengers: [{ personId: transiting.id }],
      segments: [
        {
          airline: 'TK',
          flightNumber: '1951',
          departureAirport: 'IST',
          departureLocal: '2025-07-01T07:40',
          arrivalAirport: 'AMS',
          arrivalLocal: '2025-07-01T10:20',
        },
        {
          airline: 'KL',
          flightNumber: '691',
          departureAirport: 'AMS',
          departureLocal: '2025-07-01T10:55',
          arrivalAirport: 'YYZ',
          arrivalLocal: '2025-07-01T13:05',
        },
      ],
    });
    expect(transit.statusCode, transit.body).toBe(201);

    const board = (await api.get('/api/v1/board?date=2025-07-01&airport=ams')).json();
    expect(board.airport).toMatchObject({ iata: 'AMS', timeZone: 'Europe/Amsterdam' });
    expect(
      board.departures.map((f: { localTime: string; outbound: { flight: string } }) => [
        f.outbound.flight,
        f.localTime,
      ]),
    ).toEqual([['TK1952', '11:35']]);
    const departure = board.departures[0];
    expect(departure.outbound.time).toEqual({
      local: '2025-07-01T11:35',
      timeZone: 'Europe/Amsterdam',
      utc: '2025-07-01T09:35:00.000Z',
    });
    expect(departure.groups[0].tasks.map((task: { kind: string }) => task.kind).sort()).toEqual([
      'check_in_help',
      'exit_formalities',
    ]);
    expect(board.transits).toHaveLength(1);
    expect(board.transits[0]).toMatchObject({
      localTime: '10:20',
      inbound: { flight: 'TK1951', localTime: '10:20', airport: 'IST' },
      outbound: {
        flight: 'KL691',
        localTime: '10:55',
        airport: 'YYZ',
        time: { utc: '2025-07-01T08:55:00.000Z' },
      },
      connection: { minutes: 35, warning: 'below_minimum' },
    });
    expect(board.transits[0].groups[0].status).toBe('booked');
    expect(board.arrivals).toEqual([]);

    // Next day at AMS: the overnight arrival from Lagos, landing 06:05 local (04:05 UTC).
    const nextDay = (await api.get('/api/v1/board?date=2025-07-02&airport=AMS')).json();
    expect(nextDay.arrivals).toHaveLength(1);
    expect(nextDay.arrivals[0]).toMatchObject({
      localTime: '06:05',
      inbound: {
        flight: 'KL588',
        airport: 'LOS',
        time: { local: '2025-07-02T06:05', utc: '2025-07-02T04:05:00.000Z' },
      },
    });
    expect(nextDay.arrivals[0].groups[0].passengers[0]).toMatchObject({
      givenName: 'Rania',
      specialNeeds: ['wheelchair'],
    });
    // In Lagos it left the evening before, local time there.
    const lagos = (await api.get('/api/v1/board?date=2025-07-01&airport=LOS')).json();
    expect(lagos.departures[0]).toMatchObject({
      localTime: '23:10',
      outbound: { time: { utc: '2025-07-01T22:10:00.000Z' } },
    });
    // Erbil sees the AVRR group arrive at 21:55 Baghdad time.
    const erbil = (await api.get('/api/v1/board?date=2025-07-01&airport=EBL')).json();
    expect(erbil.arrivals[0]).toMatchObject({ localTime: '21:55' });
    expect(erbil.arrivals[0].groups[0].tasks.map((task: { kind: string }) => task.kind)).toEqual([
      'handover',
    ]);
  });

  it('is not shown to a counsellor, and refuses an unknown airport', async () => {
    const counsellor = await t.as(mission.users.counsellor);
    expect((await counsellor.get('/api/v1/board?date=2025-07-01&airport=AMS')).statusCode).toBe(403);
    const api = await t.as(mission.users.movements);
    const response = await api.get('/api/v1/board?date=2025-07-01&airport=XQX');
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      { path: 'querystring.airport', message: 'is not a known airport' },
    ]);
  });

  it('assigns and ticks off a meet-and-assist task', async () => {
    const { api } = await confirmedCase();
    const board = (await api.get('/api/v1/board?date=2025-07-01&airport=AMS')).json();
    const task = board.departures[0].groups[0].tasks.find(
      (x: { kind: string }) => x.kind === 'check_in_help',
    );
    const response = await api.patch(`/api/v1/board/tasks/${task.id}`, {
      assigneeId: mission.users.movements.id,
      done: true,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().task).toMatchObject({ assigneeId: mission.users.movements.id });
    expect(response.json().task.doneAt).not.toBeNull();
    const after = (await api.get('/api/v1/board?date=2025-07-01&airport=AMS')).json();
    const ticked = after.departures[0].groups[0].tasks.find((x: { id: string }) => x.id === task.id);
    expect(ticked.doneAt).not.toBeNull();
  });
});

describe('marking a passenger at the airport', () => {
  it('departed: one action moves the case to departed and notifies the reception location’s partner', async () => {
    const { api, kase, booking } = await confirmedCase();
    const { subscriptionId, partnerId } = await subscribePartner(t.database.db, mission, ['case.departed']);
    // The person consented to sharing with the reception location: the flight and office go with the hook.
    const counsellor = await t.as(mission.users.counsellor);
    const consent = await counsellor.post(
      `/api/v1/persons/${await principalOf(t.database.db, kase)}/consents`,
      {
        purpose: 'partner_sharing',
        partnerId,
        givenOn: new Date().toISOString().slice(0, 10),
        how: 'written',
      },
    );
    expect(consent.statusCode, consent.body).toBe(201);
    const passenger = booking.passengers[0];
    const response = await api.post(`/api/v1/board/passengers/${passenger.id}/status`, {
      status: 'departed',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ status: 'departed', caseStatus: 'departed' });
    expect(await caseStatus(kase.id)).toBe('departed');
    const hooks = await t.database.db
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.missionId, mission.missionId), eq(outboxMessages.kind, 'case.departed')));
    expect(hooks).toHaveLength(1);
    expect(hooks[0]!.payload).toMatchObject({
      subscriptionId,
      event: 'case.departed',
      body: { data: { caseId: kase.id, office: { id: mission.offices.hague.id }, flight: 'TK1952' } },
    });
    const timeline = (await api.get(`/api/v1/cases/${kase.id}/timeline`)).json().items;
    expect(timeline.map((e: { kind: string }) => e.kind).slice(0, 3)).toEqual(
      expect.arrayContaining(['passenger_departed', 'status_changed', 'departure_published']),
    );
    const again = await api.post(`/api/v1/board/passengers/${passenger.id}/status`, { status: 'no_show' });
    expect(again.statusCode).toBe(409);
  });

  it.each([
    ['rebook', 'travel_booked', 'no_show_rebook'],
    ['travel_documents', 'travel_documents', 'no_show_documents'],
  ])('no-show (%s) returns the case to %s', async (afterNoShow, expected, transition) => {
    const { api, kase, booking } = await confirmedCase();
    const response = await api.post(`/api/v1/board/passengers/${booking.passengers[0].id}/status`, {
      status: 'no_show',
      afterNoShow,
      reason: 'Did not come to the airport',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ status: 'no_show', caseStatus: expected });
    expect(await caseStatus(kase.id)).toBe(expected);
    const timeline = (await api.get(`/api/v1/cases/${kase.id}/timeline`)).json().items;
    const step = timeline.find((e: { kind: string }) => e.kind === 'status_changed');
    expect(step.data.transition).toBe(transition);
    expect(timeline.map((e: { kind: string }) => e.kind)).toContain('passenger_no_show');
  });

  it('records the handover of an arriving passenger with time and person, and ticks the handover task', async () => {
    const refugee = await buildPerson(t.database.db, mission.missionId, { givenName: 'Rania' });
    const api = await t.as(mission.users.movements);
    const created = await api.post('/api/v1/bookings', {
      kind: 'arrival',
      programme: 'family_reunification',
      passengers: [{ personId: refugee.id }],
      segments: [
        {
          airline: 'KL',
          flightNumber: '588',
          departureAirport: 'LOS',
          departureLocal: '2025-07-01T23:10',
          arrivalAirport: 'AMS',
          arrivalLocal: '2025-07-02T06:05',
        },
      ],
    });
    const booking = (await api.post(`/api/v1/bookings/${created.json().booking.id}/confirm`)).json().booking;
    // The flight of July 2025 is entered long after: dating its handover back is the manager's to do.
    const manager = await t.as(mission.users.manager);
    const response = await manager.post(`/api/v1/board/passengers/${booking.passengers[0].id}/handover`, {
      receivingPartyKind: 'family_member',
      receivingPartyName: 'Ahmed (brother)',
      receivedBy: 'Ahmed Yusuf',
      handedOverAt: '2025-07-02T07:15:00+02:00',
    });
    expect(response.statusCode, response.body).toBe(201);
    const board = (await api.get('/api/v1/board?date=2025-07-02&airport=AMS')).json();
    const group = board.arrivals[0].groups[0];
    expect(group.passengers[0]).toMatchObject({
      status: 'arrived',
      handover: { receivingPartyName: 'Ahmed (brother)', receivedBy: 'Ahmed Yusuf' },
    });
    expect(new Date(group.passengers[0].handover.at).toISOString()).toBe('2025-07-02T05:15:00.000Z');
    expect(group.tasks.find((x: { kind: string }) => x.kind === 'handover').doneAt).not.toBeNull();
  });
});

describe('flight manifests', () => {
  it('exports the passengers of a flight as CSV that parses back, and as a PDF', async () => {
    const { api } = await confirmedCase(
      [{ givenName: 'Amina, "Ami"' }, { givenName: 'Yusuf' }],
      amsIstEbl({ escorts: [{ kind: 'medical', name: 'Dr. Jansen', organisation: 'MedEscort' }] }),
    );
    const csv = await api.get('/api/v1/manifests?flight=TK1952&date=2025-07-01&format=csv');
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('\r\n');
    const records = parse(csv.body, { columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(3);
    expect(records.map((r) => r['Given name'])).toEqual(expect.arrayContaining(['Amina, "Ami"', 'Yusuf']));
    expect(records.find((r) => r.Type === 'escort')).toMatchObject({
      'Family name': 'Dr. Jansen',
      'Final destination': 'EBL',
    });
    expect(records.find((r) => r['Given name'] === 'Yusuf')).toMatchObject({
      PNR: 'ABC123',
      Status: 'confirmed',
      'Final destination': 'EBL',
    });

    const pdf = await api.request({
      method: 'GET',
      url: '/api/v1/manifests?flight=TK1952&date=2025-07-01&format=pdf',
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const raw = pdf.rawPayload.toString('latin1');
    expect(raw).toContain('Manifest TK1952 2025-07-01');
    // The page text sits in deflated content streams, its glyphs as hex strings: "1952" is 31393532.
    const pageText = [...raw.matchAll(/stream\r?\n([\s\S]*?)endstream/g)]
      .map((m) => {
        try {
          return inflateSync(Buffer.from(m[1]!, 'latin1')).toString('latin1');
        } catch {
          return '';
        }
      })
      .join('\n');
    expect(pageText).toContain('31393532');

    expect((await api.get('/api/v1/manifests?flight=TK1952&date=2025-07-02&format=csv')).statusCode).toBe(
      404,
    );
  });
  it('leaves out a passenger who withdrew consent to return assistance, keeps one who never said, and logs who', async () => {
    const withdrawn = await confirmedCase(
      [{ givenName: 'Amina' }],
      amsIstEbl({ escorts: [{ kind: 'operational', name: 'Escort One', organisation: 'IOM' }] }),
    );
    await confirmedCase([{ givenName: 'Yusuf' }]);
    const counsellor = await t.as(mission.users.counsellor);
    const today = new Date().toISOString().slice(0, 10);
    const given = await counsellor.post(`/api/v1/persons/${withdrawn.personIds[0]}/consents`, {
      purpose: 'return_assistance',
      givenOn: today,
      how: 'written',
    });
    expect(given.statusCode, given.body).toBe(201);
    // A standing consent keeps the passenger on the manifest.
    const before = (await withdrawn.api.get('/api/v1/manifests?flight=TK1952&date=2025-07-01')).json();
    expect(before.lines.map((l: { givenName: string }) => l.givenName).sort()).toEqual([
      '',
      'Amina',
      'Yusuf',
    ]);
    const off = await counsellor.post(
      `/api/v1/persons/${withdrawn.personIds[0]}/consents/${given.json().consent.id}/withdraw`,
      {},
    );
    expect(off.statusCode).toBe(200);

    const manifest = await withdrawn.api.get('/api/v1/manifests?flight=TK1952&date=2025-07-01');
    expect(manifest.statusCode).toBe(200);
    // Amina and her booking's escort are gone; Yusuf, who never recorded a consent, stays.
    expect(
      manifest.json().lines.map((l: { givenName: string; type: string }) => [l.type, l.givenName]),
    ).toEqual([['passenger', 'Yusuf']]);
    expect(manifest.json().leftOut).toEqual({ count: 1, personIds: [withdrawn.personIds[0]] });
    const csv = await withdrawn.api.get('/api/v1/manifests?flight=TK1952&date=2025-07-01&format=csv');
    expect(csv.body).not.toContain('Amina');
    expect(csv.body).toContain('Yusuf');

    const exports = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.missionId, mission.missionId), eq(auditLog.action, 'manifest.export')))
      .orderBy(auditLog.at);
    expect(exports.map((e) => e.after)).toEqual([
      expect.objectContaining({ lines: 3, leftOut: { count: 0, personIds: [] } }),
      expect.objectContaining({ lines: 1, leftOut: { count: 1, personIds: [withdrawn.personIds[0]] } }),
      expect.objectContaining({ format: 'csv', lines: 1 }),
    ]);
  });
});
