import type { FastifyInstance, InjectOptions } from 'fastify';
import { createSession, SESSION_COOKIE } from '../src/modules/auth/sessions.js';
import { seededRandom } from '../src/modules/demo/seeded-random.js';
import type { Fixtures } from './load-fixtures.js';

/** The figures of one scenario, in milliseconds. */
export interface ScenarioResult {
  name: string;
  requests: number;
  p50: number;
  p95: number;
  mean: number;
  max: number;
}

type Send = (options: InjectOptions) => Promise<unknown>;

/**
 * Runs each scenario `requests` times through the whole HTTP stack (routing, session lookup, Zod
 * validation, the service, serialisation) with Fastify's inject, one request after another, after a
 * few unmeasured warm-up requests.
 */
export async function measureApi(
  app: FastifyInstance,
  fixtures: Fixtures,
  options: { requests: number; warmup: number; log: (line: string) => void },
): Promise<ScenarioResult[]> {
  const db = app.database.db;
  const session = async (userId: string) => {
    const token = await createSession(db, { userId, ip: null, userAgent: 'bench', now: new Date() });
    return `${SESSION_COOKIE}=${token}`;
  };
  const asUser =
    (cookie: string): Send =>
    async (request) => {
      const response = await app.inject({ ...request, headers: { cookie, ...(request.headers ?? {}) } });
      if (response.statusCode >= 400) {
        throw new Error(
          `${request.method} ${request.url} answered ${response.statusCode}: ${response.body.slice(0, 300)}`,
        );
      }
      return response.json();
    };
  const manager = asUser(await session(fixtures.manager.id));
  const counsellor = asUser(await session(fixtures.counsellor.id));
  const rng = seededRandom(7);
  const page = () => rng.int(1, 40);
  const anyCase = () => rng.pick(fixtures.caseIds);
  const statuses = ['counselling', 'travel_documents', 'reintegration', 'monitoring', 'closed'];
  let created = 0;

  const scenarios: { name: string; run: () => Promise<unknown> }[] = [
    {
      name: 'GET /cases (manager, all offices)',
      run: () => manager({ method: 'GET', url: `/api/v1/cases?page=${page()}&pageSize=25` }),
    },
    {
      name: 'GET /cases?status= (manager)',
      run: () =>
        manager({
          method: 'GET',
          url: `/api/v1/cases?status=${rng.pick(statuses)}&page=${page()}&pageSize=25`,
        }),
    },
    {
      name: 'GET /cases (counsellor, own office)',
      run: () => counsellor({ method: 'GET', url: `/api/v1/cases?page=${page()}&pageSize=25` }),
    },
    {
      name: 'GET /cases?status= (counsellor)',
      run: () =>
        counsellor({
          method: 'GET',
          url: `/api/v1/cases?status=${rng.pick(statuses)}&page=${page()}&pageSize=25`,
        }),
    },
    {
      name: 'GET /persons/search?q=',
      run: () =>
        manager({
          method: 'GET',
          url: `/api/v1/persons/search?q=${encodeURIComponent(rng.pick(fixtures.searchTerms))}`,
        }),
    },
    { name: 'GET /cases/:id', run: () => manager({ method: 'GET', url: `/api/v1/cases/${anyCase()}` }) },
    {
      name: 'GET /cases/:id/transitions',
      run: () => manager({ method: 'GET', url: `/api/v1/cases/${anyCase()}/transitions` }),
    },
    {
      name: 'GET /cases/:id/timeline',
      run: () => manager({ method: 'GET', url: `/api/v1/cases/${anyCase()}/timeline` }),
    },
    {
      name: 'case page (the 3 above, one case)',
      run: async () => {
        const id = anyCase();
        await manager({ method: 'GET', url: `/api/v1/cases/${id}` });
        await manager({ method: 'GET', url: `/api/v1/cases/${id}/transitions` });
        await manager({ method: 'GET', url: `/api/v1/cases/${id}/timeline` });
      },
    },
    {
      name: 'POST /persons/duplicates',
      run: () =>
        counsellor({
          method: 'POST',
          url: '/api/v1/persons/duplicates',
          payload: {
            givenName: rng.pick(fixtures.searchTerms).split(' ')[0],
            familyName: rng.pick(fixtures.searchTerms).split(' ').pop(),
            sex: 'male',
            dateOfBirth: '1988-03-02',
            dateOfBirthPrecision: 'exact',
            nationalities: ['IQ'],
          },
        }),
    },
    {
      name: 'POST /persons + POST /cases',
      run: async () => {
        created++;
        const person = (await counsellor({
          method: 'POST',
          url: '/api/v1/persons',
          payload: {
            givenName: rng.pick(['Ahmed', 'Giorgi', 'Chinedu', 'Fatima', 'Olena', 'Reza']),
            familyName: `Bench${created}`,
            sex: rng.pick(['male', 'female']),
            dateOfBirth: '1990-05-17',
            dateOfBirthPrecision: 'exact',
            nationalities: [rng.pick(['IQ', 'GE', 'NG', 'UA', 'IR'])],
            languages: ['en'],
            phone: `+3161${String(1_000_000 + created).slice(-7)}`,
          },
        })) as { person?: { id: string }; id?: string };
        const personId = person.person?.id ?? person.id;
        await counsellor({
          method: 'POST',
          url: '/api/v1/cases',
          payload: {
            programme: 'avrr',
            personIds: [personId],
            officeId: fixtures.counsellor.officeId,
            referralSource: 'reception_agency',
            vulnerabilities: [],
          },
        });
      },
    },
  ];

  const results: ScenarioResult[] = [];
  for (const scenario of scenarios) {
    for (let i = 0; i < options.warmup; i++) await scenario.run();
    const times: number[] = [];
    for (let i = 0; i < options.requests; i++) {
      const start = performance.now();
      await scenario.run();
      times.push(performance.now() - start);
    }
    const result = summarise(scenario.name, times);
    options.log(`  ${scenario.name.padEnd(38)} p50 ${format(result.p50)} ms   p95 ${format(result.p95)} ms`);
    results.push(result);
  }
  return results;
}

function summarise(name: string, times: number[]): ScenarioResult {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    name,
    requests: times.length,
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    mean: round(times.reduce((sum, t) => sum + t, 0) / times.length),
    max: round(sorted[sorted.length - 1]!),
  };
}

/** A figure in milliseconds, right-aligned for the tables. */
export function format(ms: number): string {
  return ms.toFixed(1).padStart(7);
}
