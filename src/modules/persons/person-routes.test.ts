import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { selectRows } from '../../platform/db/database.js';
import { newId } from '../../platform/ids.js';
import { buildMission, type TestMission } from '../../test-support/build-mission.js';
import { type Client, startTestApp, type TestApp } from '../../test-support/test-app.js';
import { computeNameColumns } from './name-normalisation.js';
import { persons } from './schema.js';
import { CANDIDATES_PER_PART } from './search-persons.js';

let t: TestApp;
let mission: TestMission;
let counsellor: Client;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});
beforeEach(async () => {
  mission = await buildMission(t.database.db);
  counsellor = await t.as(mission.users.counsellor);
});

const amina = {
  givenName: 'Amina',
  familyName: 'Yusuf',
  givenNameNative: 'أمينة',
  aliases: ['Aminah'],
  sex: 'female',
  dateOfBirth: '1990-04-12',
  dateOfBirthPrecision: 'exact',
  nationalities: ['IQ'],
  languages: ['ar', 'ckb'],
  preferredLanguage: 'ar',
  phone: '+31 6 1234 5678',
};

async function register(client: Client, body: Record<string, unknown>) {
  const response = await client.post('/api/v1/persons', body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json().person as { id: string; version: number } & Record<string, unknown>;
}

function person(givenName: string, familyName: string, extra: Record<string, unknown> = {}) {
  return { givenName, familyName, sex: 'male', dateOfBirthPrecision: 'exact', ...extra };
}

/** More Mohammed Alis of Iraq, born in 1985, than one part of the search brings; written directly. */
async function insertNamesakes() {
  const now = new Date();
  await t.database.db.insert(persons).values(
    Array.from({ length: CANDIDATES_PER_PART + 50 }, (_, i) => ({
      missionId: mission.missionId,
      id: newId(),
      givenName: 'Mohammed',
      familyName: 'Ali',
      sex: 'male' as const,
      dateOfBirth: `1985-${String(1 + (i % 5)).padStart(2, '0')}-0${1 + (i % 9)}`,
      dateOfBirthPrecision: 'exact' as const,
      nationalities: ['IQ'],
      ...computeNameColumns({ givenName: 'Mohammed', familyName: 'Ali' }),
      createdAt: now,
      updatedAt: now,
    })),
  );
}

function auditActions(recordId: string) {
  return selectRows<{ action: string; actor_id: string; after: Record<string, unknown> }>(
    t.database.db,
    sql`select action, actor_id, after from audit_log
        where mission_id = ${mission.missionId} and record_type = 'person' and record_id = ${recordId}
        order by at, id`,
  );
}

describe('POST /api/v1/persons', () => {
  it('registers a person with canonical codes and phone, and audits it', async () => {
    const created = await register(counsellor, amina);
    expect(created).toMatchObject({
      givenName: 'Amina',
      familyName: 'Yusuf',
      givenNameNative: 'أمينة',
      familyNameNative: null,
      aliases: ['Aminah'],
      nationalities: ['IQ'],
      languages: ['ar', 'ckb'],
      phone: '+31612345678',
      version: 1,
      documents: [],
    });
    expect(created).not.toHaveProperty('nameKey');
    const audit = await auditActions(created.id);
    expect(audit.map((row) => row.action)).toEqual(['person.create']);
    expect(audit[0]!.actor_id).toBe(mission.users.counsellor.id);
    // The trail outlives anonymisation, so it records that a name was given, never the name.
    expect(audit[0]!.after).toMatchObject({ givenName: '[removed]', phone: '[removed]', sex: 'female' });
  });

  it('names every invalid field in a problem+json document', async () => {
    const response = await counsellor.post('/api/v1/persons', {
      ...amina,
      familyName: '',
      nationalities: ['NL', 'XX'],
      languages: ['ar', 'qqq'],
      phone: '0612345678',
      dateOfBirth: '2999-01-01',
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    const paths = response
      .json()
      .errors.map((e: { path: string }) => e.path)
      .sort();
    expect(paths).toEqual([
      'body.dateOfBirth',
      'body.familyName',
      'body.languages.1',
      'body.nationalities.1',
      'body.phone',
    ]);
  });

  it('refuses anonymous callers with 401', async () => {
    const response = await t.anonymous.post('/api/v1/persons', amina);
    expect(response.statusCode).toBe(401);
    expect((await t.anonymous.get('/api/v1/persons/search?q=Amina')).statusCode).toBe(401);
    expect((await t.anonymous.get('/api/v1/persons')).statusCode).toBe(401);
  });

  it('lets a movements officer read but not register', async () => {
    const movements = await t.as(mission.users.movements);
    expect((await movements.post('/api/v1/persons', amina)).statusCode).toBe(403);
    const created = await register(counsellor, amina);
    expect((await movements.get(`/api/v1/persons/${created.id}`)).statusCode).toBe(200);
  });
});

describe('GET /api/v1/persons/search', () => {
  it('ranks transliteration variants of Mohammed, exact spelling first', async () => {
    await register(counsellor, person('Muhammad', 'Rahimi'));
    await register(counsellor, person('Mohamed', 'Rahimi'));
    await register(counsellor, person('Mohammed', 'Rahimi'));
    await register(counsellor, person('Mahmoud', 'Karimi'));
    await register(counsellor, person('Fatima', 'Hosseini', { sex: 'female' }));

    const response = await counsellor.get('/api/v1/persons/search?q=Mohammed');
    expect(response.statusCode).toBe(200);
    const items = response.json().items as { person: { givenName: string }; score: number }[];
    const names = items.map((item) => item.person.givenName);
    expect(names.slice(0, 3)).toEqual(['Mohammed', 'Mohamed', 'Muhammad']);
    expect(names).not.toContain('Fatima');
    const scores = items.map((item) => item.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores[0]).toBeGreaterThan(0.9);
  });

  it('ranks the whole name spelled as searched above a longer one', async () => {
    await register(counsellor, person('Ali', 'Khanzada'));
    await register(counsellor, person('Ali', 'Khan'));
    await register(counsellor, person('Aly', 'Kahn'));
    const response = await counsellor.get('/api/v1/persons/search?q=Ali%20Khan');
    const items = response.json().items as { person: { familyName: string }; score: number }[];
    expect(items[0]).toMatchObject({ person: { familyName: 'Khan' }, score: 1 });
    expect(items.map((item) => item.person.familyName)).toContain('Khanzada');
  });

  it('finds Muhammad when searching Mohamed and Youssef when searching Yusuf, accents ignored', async () => {
    await register(counsellor, person('Muhammad', 'Al-Hassan'));
    await register(counsellor, person('Youssef', 'Ahmed'));
    await register(counsellor, person('Zoë', 'Müller', { sex: 'female' }));

    const mohamed = await counsellor.get('/api/v1/persons/search?q=mohamed%20hassan');
    expect(mohamed.json().items.map((i: { person: { givenName: string } }) => i.person.givenName)).toEqual([
      'Muhammad',
    ]);
    const yusuf = await counsellor.get('/api/v1/persons/search?q=Yusuf%20Ahmad');
    expect(yusuf.json().items.map((i: { person: { givenName: string } }) => i.person.givenName)).toEqual([
      'Youssef',
    ]);
    const zoe = await counsellor.get('/api/v1/persons/search?q=zoe%20muller');
    expect(zoe.json().items).toHaveLength(1);
  });

  it('finds a rare family name beside more common namesakes than a search part scores', async () => {
    await insertNamesakes();
    const rare = await register(counsellor, person('Mohammed Ali', 'Zubeidat'));
    const response = await counsellor.get('/api/v1/persons/search?q=Muhammad%20Ali%20Zubaydat');
    expect(response.json().items[0].person.id).toBe(rare.id);
  });

  it('finds a person by an alias', async () => {
    await register(counsellor, person('Abdul', 'Rahman', { aliases: ['Abu Karim'] }));
    const response = await counsellor.get('/api/v1/persons/search?q=Abou%20Karim');
    expect(response.json().items).toHaveLength(1);
  });

  it('needs at least two characters', async () => {
    const response = await counsellor.get('/api/v1/persons/search?q=M');
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe('querystring.q');
  });

  it("never shows another mission's persons", async () => {
    await register(counsellor, person('Mohammed', 'Rahimi'));
    const other = await buildMission(t.database.db);
    const stranger = await t.as(other.users.manager);
    const hidden = await register(counsellor, person('Mohammed', 'Karimi', { nationalities: ['IQ'] }));
    expect((await stranger.get('/api/v1/persons/search?q=Mohammed')).json().items).toEqual([]);
    expect((await stranger.get('/api/v1/persons')).json()).toMatchObject({ items: [], total: 0 });
    expect((await stranger.get(`/api/v1/persons/${hidden.id}`)).statusCode).toBe(404);
    expect(
      (await stranger.patch(`/api/v1/persons/${hidden.id}`, { version: 1, givenName: 'X' })).statusCode,
    ).toBe(404);
    const document = { kind: 'passport', number: 'A1', issuingCountry: 'IQ' };
    expect((await stranger.post(`/api/v1/persons/${hidden.id}/documents`, document)).statusCode).toBe(404);
    const duplicates = await stranger.post(
      '/api/v1/persons/duplicates',
      person('Mohammed', 'Karimi', { nationalities: ['IQ'] }),
    );
    expect(duplicates.json().candidates).toEqual([]);
  });
});

describe('GET /api/v1/persons', () => {
  it('pages the persons newest first and filters by name', async () => {
    await register(counsellor, person('Ali', 'Haidari'));
    await register(counsellor, person('Omar', 'Faruk'));
    await register(counsellor, person('Umar', 'Farouk'));
    const page = await counsellor.get('/api/v1/persons?page=1&pageSize=2');
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(page.json().items.map((p: { givenName: string }) => p.givenName)).toEqual(['Umar', 'Omar']);
    const filtered = await counsellor.get('/api/v1/persons?q=omar%20faruk');
    expect(filtered.json().total).toBe(2);
  });
});

describe('POST /api/v1/persons/duplicates', () => {
  it('warns of a similar name with the same date of birth or nationality, ranked', async () => {
    const same = await register(
      counsellor,
      person('Muhammad', 'Al-Hassan', { dateOfBirth: '1988-03-01', nationalities: ['SY'] }),
    );
    const sameYear = await register(
      counsellor,
      person('Mohamed', 'Alhassan', {
        dateOfBirth: '1988-01-01',
        dateOfBirthPrecision: 'year',
        nationalities: ['IQ'],
      }),
    );
    // A similar name alone is not enough.
    await register(
      counsellor,
      person('Mohammed', 'Al Hassan', { dateOfBirth: '1970-01-01', nationalities: ['MA'] }),
    );
    // Same birth date and nationality, another name.
    await register(
      counsellor,
      person('Fatima', 'Karimi', { dateOfBirth: '1988-03-01', nationalities: ['SY'] }),
    );

    const response = await counsellor.post(
      '/api/v1/persons/duplicates',
      person('Mohammed', 'Al-Hassan', { dateOfBirth: '1988-03-01', nationalities: ['SY'] }),
    );
    expect(response.statusCode).toBe(200);
    const candidates = response.json().candidates as {
      person: { id: string };
      score: number;
      reasons: string[];
    }[];
    expect(candidates.map((c) => c.person.id)).toEqual([same.id, sameYear.id]);
    expect(candidates[0]!.reasons).toEqual(['name', 'date_of_birth', 'nationality']);
    expect(candidates[1]!.reasons).toEqual(['name', 'date_of_birth']);
    expect(candidates[0]!.score).toBeGreaterThan(candidates[1]!.score);
  });

  it('finds the namesake born the same day among more namesakes than a search part scores', async () => {
    await insertNamesakes();
    const twin = await register(
      counsellor,
      person('Mohammed', 'Ali', { dateOfBirth: '1985-06-15', nationalities: ['IQ'] }),
    );
    const response = await counsellor.post(
      '/api/v1/persons/duplicates',
      person('Mohamed', 'Ali', { dateOfBirth: '1985-06-15', nationalities: ['IQ'] }),
    );
    const [first] = response.json().candidates as { person: { id: string }; reasons: string[] }[];
    expect(first).toMatchObject({
      person: { id: twin.id },
      reasons: ['name', 'date_of_birth', 'nationality'],
    });
  });

  it('validates the body like registration', async () => {
    const response = await counsellor.post('/api/v1/persons/duplicates', { ...amina, nationalities: ['ZZ'] });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((e: { path: string }) => e.path)).toEqual(['body.nationalities.0']);
  });
});

describe('PATCH /api/v1/persons/:id', () => {
  it('updates with the current version, recomputes the search columns and audits the change', async () => {
    const created = await register(counsellor, amina);
    const response = await counsellor.patch(`/api/v1/persons/${created.id}`, {
      version: 1,
      givenName: 'Mohammed',
      phone: null,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().person).toMatchObject({ givenName: 'Mohammed', phone: null, version: 2 });
    const search = await counsellor.get('/api/v1/persons/search?q=Muhammad%20Yusuf');
    expect(search.json().items.map((i: { person: { id: string } }) => i.person.id)).toEqual([created.id]);
    const audit = await auditActions(created.id);
    expect(audit.map((row) => row.action)).toEqual(['person.create', 'person.update']);
    expect(audit[1]!.after).toEqual({ givenName: '[removed]', phone: null, version: 2 });
  });

  it('refuses a stale version with 409 and the current version, changing nothing', async () => {
    const created = await register(counsellor, amina);
    const first = await counsellor.patch(`/api/v1/persons/${created.id}`, {
      version: 1,
      familyName: 'Yousef',
    });
    expect(first.statusCode).toBe(200);
    const stale = await counsellor.patch(`/api/v1/persons/${created.id}`, {
      version: 1,
      familyName: 'Youssef',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(stale.json()).toMatchObject({ status: 409, currentVersion: 2 });
    const current = await counsellor.get(`/api/v1/persons/${created.id}`);
    expect(current.json().person).toMatchObject({ familyName: 'Yousef', version: 2 });
  });

  it('names invalid fields and needs a version', async () => {
    const created = await register(counsellor, amina);
    const response = await counsellor.patch(`/api/v1/persons/${created.id}`, { nationalities: ['Iraq'] });
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.nationalities.0', 'body.version']);
  });
});

describe('POST /api/v1/persons/:id/documents', () => {
  it('records a document, shows it on the person and audits it', async () => {
    const created = await register(counsellor, amina);
    const response = await counsellor.post(`/api/v1/persons/${created.id}/documents`, {
      kind: 'passport',
      number: 'A1234567',
      issuingCountry: 'iq',
      validFrom: '2020-01-01',
      validUntil: '2030-01-01',
    });
    expect(response.statusCode).toBe(201);
    const document = response.json().document;
    expect(document).toMatchObject({ kind: 'passport', number: 'A1234567', issuingCountry: 'IQ' });
    const read = await counsellor.get(`/api/v1/persons/${created.id}`);
    expect(read.json().person.documents).toEqual([document]);
    expect(read.json().policies).toEqual({ update: true, addDocument: true });
    const audit = await auditActions(created.id);
    expect(audit.map((row) => row.action)).toEqual(['person.create', 'person.document_add']);
  });

  it('names invalid fields', async () => {
    const created = await register(counsellor, amina);
    const response = await counsellor.post(`/api/v1/persons/${created.id}/documents`, {
      kind: 'passport',
      number: 'A1',
      issuingCountry: 'Iraq',
      validUntil: 'soon',
    });
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.issuingCountry', 'body.validUntil']);
  });

  it('answers 404 for an unknown person', async () => {
    const response = await counsellor.post('/api/v1/persons/0190a0a0-0000-7000-8000-000000000000/documents', {
      kind: 'passport',
      number: 'A1',
      issuingCountry: 'IQ',
    });
    expect(response.statusCode).toBe(404);
  });
});

describe('OpenAPI document', () => {
  it('describes the persons routes', async () => {
    const response = await t.anonymous.get('/api/openapi.json');
    expect(response.statusCode).toBe(200);
    const paths = response.json().paths as Record<string, Record<string, { tags: string[] }>>;
    expect(paths['/api/v1/persons/search']?.get?.tags).toEqual(['persons']);
    expect(Object.keys(paths['/api/v1/persons/{id}'] ?? {}).sort()).toEqual(['get', 'patch']);
    expect(paths['/api/v1/persons/duplicates']?.post).toBeDefined();
  });
});
