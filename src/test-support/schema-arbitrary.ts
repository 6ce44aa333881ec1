import fc from 'fast-check';

/** A JSON Schema as the OpenAPI document gives it (the subset Zod's conversion produces). */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  nullable?: boolean;
  default?: unknown;
}

/** Values a careless or hostile caller sends where a well-formed one was expected. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '2026-02-30',
    '0000-00-00',
    '9999-12-31',
    '0001-01-01',
    '2026-13-01T25:61:00Z',
    '=HYPERLINK("http://x")',
    "'; drop table persons; --",
    '../../etc/passwd',
    '%00',
    '\uFFFF\uD800',
    'x'.repeat(5000),
    -1,
    0,
    2 ** 53,
    -(2 ** 31),
    1.5,
    Number.MAX_SAFE_INTEGER,
    true,
    null,
    [],
    {},
    { __proto__: { polluted: true } },
    '00000000-0000-0000-0000-000000000000',
  ),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.jsonValue({ maxDepth: 2 }),
);

/** Builds fast-check arbitraries from JSON Schemas, resolving `$ref`s against the document's components. */
export function schemaArbitraries(components: Record<string, JsonSchema> = {}) {
  const resolve = (schema: JsonSchema): JsonSchema => {
    if (!schema.$ref) return schema;
    const name = schema.$ref.split('/').pop() ?? '';
    return components[name] ?? {};
  };

  const arbitrary = (input: JsonSchema, depth = 0): fc.Arbitrary<unknown> => {
    const schema = resolve(input);
    if (depth > 6) return fc.constant(null);
    if (schema.const !== undefined) return fc.constant(schema.const);
    if (schema.enum) return fc.constantFrom(...schema.enum);
    const choices = schema.anyOf ?? schema.oneOf;
    if (choices && choices.length > 0) return fc.oneof(...choices.map((s) => arbitrary(s, depth + 1)));
    if (schema.allOf && schema.allOf.length > 0) return arbitrary(schema.allOf[0] as JsonSchema, depth + 1);
    const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
    if (types.length > 1) return fc.oneof(...types.map((type) => arbitrary({ ...schema, type }, depth + 1)));
    const base = ofType(schema, types[0], depth);
    return schema.nullable ? fc.option(base, { nil: null }) : base;
  };

  const ofType = (schema: JsonSchema, type: string | undefined, depth: number): fc.Arbitrary<unknown> => {
    switch (type) {
      case 'string':
        return stringArbitrary(schema);
      case 'integer':
        return fc.integer({
          min: Math.max(Math.ceil(schema.minimum ?? schema.exclusiveMinimum ?? -1000), -(2 ** 31)),
          max: Math.min(Math.floor(schema.maximum ?? schema.exclusiveMaximum ?? 100_000), 2 ** 31),
        });
      case 'number':
        return fc.double({
          min: schema.minimum ?? schema.exclusiveMinimum ?? -1e6,
          max: schema.maximum ?? schema.exclusiveMaximum ?? 1e6,
          noNaN: true,
          noDefaultInfinity: true,
        });
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      case 'array':
        return fc.array(arbitrary(schema.items ?? {}, depth + 1), {
          minLength: schema.minItems ?? 0,
          maxLength: Math.min(schema.maxItems ?? 4, 4),
        });
      case 'object': {
        const properties = schema.properties ?? {};
        const required = new Set(schema.required ?? []);
        const record: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [name, property] of Object.entries(properties))
          record[name] = arbitrary(property, depth + 1);
        return fc.record(record, {
          requiredKeys: Object.keys(properties).filter((name) => required.has(name)),
        });
      }
      default:
        return hostileValue;
    }
  };

  return { arbitrary, resolve };
}

function stringArbitrary(schema: JsonSchema): fc.Arbitrary<string> {
  switch (schema.format) {
    case 'uuid':
      return fc.uuid();
    case 'date':
      return fc
        .date({ min: new Date('1950-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
        .map((date) => date.toISOString().slice(0, 10));
    case 'date-time':
      return fc
        .date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
        .map((date) => date.toISOString());
    case 'email':
      return fc.emailAddress();
    case 'uri':
      return fc.webUrl();
  }
  if (schema.pattern) {
    try {
      return fc
        .stringMatching(new RegExp(schema.pattern))
        .filter((text) => text.length <= (schema.maxLength ?? 200));
    } catch {
      // A pattern JavaScript cannot compile: fall through to plain strings.
    }
  }
  return fc.string({
    minLength: schema.minLength ?? 0,
    maxLength: Math.min(schema.maxLength ?? 30, 60),
  });
}
