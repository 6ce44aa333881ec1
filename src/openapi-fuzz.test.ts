/**
 * Fuzzing from the OpenAPI document: requests generated from every operation's own schemas (path
 * parameters, query and JSON body), some well-formed and some broken on purpose, sent as an
 * administrator and as a counsellor through the real HTTP stack. No answer may be a 5xx, and every
 * 4xx must be an RFC 9457 problem+json document. Outbound delivery is off: the test application
 * starts no outbox worker, so nothing queued is ever sent.
 *
 * FUZZ_REQUESTS sets how many requests (default 2,000 in `npm test`; the closing figures were taken
 * with 10,000), FUZZ_SEED the seed to replay a run.
 */

import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from './platform/db/database.js';
import { buildCase } from './test-support/build-case.js';
import { buildMission, type TestMission } from './test-support/build-mission.js';
import { hostileValue, type JsonSchema, schemaArbitraries } from './test-support/schema-arbitrary.js';
import { type Client, startTestApp, type TestApp } from './test-support/test-app.js';

const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 2000);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
}
interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body: JsonSchema | null;
  multipart: boolean;
}
interface OpenApiDocument {
  paths: Record<
    string,
    Record<
      string,
      { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }
    >
  >;
  components?: { schemas?: Record<string, JsonSchema> };
}

/** Calls that end the caller's own session or account: they would only turn the rest of the run into 401s. */
const LEFT_OUT = [
  /\/auth\/logout$/,
  /\/auth\/password$/,
  /\/me\/password$/,
  /\/users\/\{[^}]+\}\/deactivate$/,
];

function operationsOf(document: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    if (LEFT_OUT.some((pattern) => pattern.test(path))) continue;
    for (const [method, spec] of Object.entries(methods)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const content = spec.requestBody?.content ?? {};
      operations.push({
        method: method.toUpperCase(),
        path,
        parameters: spec.parameters ?? [],
        body: content['application/json']?.schema ?? null,
        multipart: 'multipart/form-data' in content,
      });
    }
  }
  return operations;
}

describe('OpenAPI fuzzing', () => {
  let t: TestApp;
  let mission: TestMission;
  /** Ids of real rows in the mission, by the table the path names (cases, persons, bookings …). */
  const knownIds = new Map<string, string[]>();

  beforeAll(async () => {
    t = await startTestApp();
    mission = await buildMission(t.database.db);
    const kase = await buildCase(t.database.db, { mission, assigneeId: mission.users.counsellor.id });
    await buildCase(t.database.db, { mission, vulnerabilities: ['victim_of_trafficking'] });
    knownIds.set('cases', [kase.id]);
    // Every mission-owned table with an id: a path segment of the same name finds real rows in it.
    const tables = await selectRows<{ table_name: string }>(
      t.database.db,
      sql`
      select c.table_name from information_schema.columns c
      join information_schema.columns m on m.table_name = c.table_name and m.column_name = 'mission_id'
        and m.table_schema = c.table_schema
      where c.column_name = 'id' and c.table_schema = current_schema()`,
    );
    for (const { table_name } of tables) {
      const rows = await selectRows<{ id: string }>(
        t.database.db,
        sql`select id::text as id from ${sql.identifier(table_name)} where mission_id = ${mission.missionId} limit 3`,
      );
      if (rows.length > 0)
        knownIds.set(
          table_name,
          rows.map((row) => row.id),
        );
    }
  });

  afterAll(async () => {
    await t?.close();
  });

  it(`answers ${REQUESTS} generated requests without a 5xx, every 4xx as problem+json`, async () => {
    const document = t.app.swagger() as unknown as OpenApiDocument;
    const operations = operationsOf(document);
    expect(operations.length).toBeGreaterThan(50);
    const { arbitrary } = schemaArbitraries(document.components?.schemas ?? {});
    const clients: Record<'admin' | 'counsellor', Client> = {
      admin: await t.as(mission.users.admin),
      counsellor: await t.as(mission.users.counsellor),
    };

    const pathValue = (path: string, parameter: Parameter): fc.Arbitrary<string> => {
      const segments = path.split('/');
      const index = segments.indexOf(`{${parameter.name}}`);
      const table = (segments[index - 1] ?? '').replaceAll('-', '_');
      const ids = knownIds.get(table) ?? [];
      const generated = arbitrary(parameter.schema ?? { type: 'string' }).map(String);
      return ids.length > 0
        ? fc.oneof({ arbitrary: fc.constantFrom(...ids), weight: 3 }, { arbitrary: generated, weight: 1 })
        : generated;
    };

    const requestFor = (operation: Operation) => {
      const pathParams = operation.parameters.filter((p) => p.in === 'path');
      const queryParams = operation.parameters.filter((p) => p.in === 'query');
      const pathRecord: Record<string, fc.Arbitrary<string>> = {};
      for (const parameter of pathParams) pathRecord[parameter.name] = pathValue(operation.path, parameter);
      const queryRecord: Record<string, fc.Arbitrary<unknown>> = {};
      for (const parameter of queryParams)
        queryRecord[parameter.name] = fc.oneof(
          { arbitrary: arbitrary(parameter.schema ?? {}), weight: 4 },
          { arbitrary: hostileValue, weight: 1 },
        );
      const validBody = operation.body ? arbitrary(operation.body) : fc.constant(undefined);
      // A broken body: a field replaced with a hostile value, a wrong shape, or no body at all.
      const brokenBody = fc.oneof(
        validBody.chain((body) =>
          body && typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length > 0
            ? fc
                .tuple(fc.constantFrom(...Object.keys(body)), hostileValue)
                .map(([key, value]) => ({ ...(body as object), [key]: value }))
            : fc.constant(body),
        ),
        hostileValue,
        fc.constant(undefined),
      );
      return fc.record({
        operation: fc.constant(operation),
        role: fc.constantFrom('admin' as const, 'counsellor' as const),
        path: fc.record(pathRecord),
        query: fc.record(queryRecord, { requiredKeys: [] }),
        body: fc.oneof({ arbitrary: validBody, weight: 2 }, { arbitrary: brokenBody, weight: 1 }),
      });
    };

    const samples = fc.sample(fc.oneof(...operations.map(requestFor)), { numRuns: REQUESTS, seed: SEED });
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    const started = Date.now();
    for (const sample of samples) {
      const { operation } = sample;
      let url = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
        encodeURIComponent(sample.path[name] ?? 'x'),
      );
      const query = new URLSearchParams();
      for (const [name, value] of Object.entries(sample.query)) {
        if (value === undefined) continue;
        for (const item of Array.isArray(value) ? value : [value])
          query.append(name, typeof item === 'object' ? JSON.stringify(item) : String(item));
      }
      if ([...query].length > 0) url += `?${query}`;
      const hasBody =
        operation.method !== 'GET' && operation.method !== 'DELETE' && sample.body !== undefined;
      const response = await clients[sample.role].request({
        method: operation.method as 'GET',
        url,
        ...(hasBody
          ? {
              payload: JSON.stringify(sample.body),
              headers: {
                'content-type': operation.multipart ? 'multipart/form-data; boundary=x' : 'application/json',
              },
            }
          : {}),
      });
      statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
      const label = `${operation.method} ${url} as ${sample.role} → ${response.statusCode}`;
      if (response.statusCode >= 500) failures.push(`${label}: ${response.body.slice(0, 300)}`);
      else if (
        response.statusCode >= 400 &&
        !String(response.headers['content-type']).startsWith('application/problem+json')
      )
        failures.push(`${label}: content-type ${response.headers['content-type']}`);
    }
    const seconds = (Date.now() - started) / 1000;
    const summary = [...statuses.entries()]
      .sort(([a], [b]) => a - b)
      .map(([s, n]) => `${s}: ${n}`)
      .join(', ');
    console.log(
      `fuzz: ${samples.length} requests over ${operations.length} operations in ${seconds.toFixed(1)} s (seed ${SEED}); ${summary}`,
    );
    expect(failures.slice(0, 15), `seed ${SEED}`).toEqual([]);
  }, 900_000);
});
