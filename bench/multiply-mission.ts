// Multiplies a mission's operational data in place with bulk SQL on the server: every row of the
// case, person, movement, reintegration, monitoring, counselling, outreach and travel-document tables
// is copied N more times inside the same mission, in INSERT ... SELECT statements (no round trip per
// row). The tables and their columns come from the catalog, so a new table or column is copied
// without changing this file, and a column it cannot classify stops the run.
import type pg from 'pg';

/** Where the copying starts: every table that refers to these, directly or not, is copied too. */
const ROOTS = ['persons', 'case_groups', 'outreach_activities'];

/** Mission tables the annual report does not read, left as they are (with why). */
export const NOT_COPIED: Record<string, string> = {
  audit_log: 'the append-only audit trail',
  outbox_messages: 'messages to send',
  outbox_attempts: 'delivery attempts',
  dev_sink_messages: 'messages kept instead of sent',
};

/**
 * Tables inserted after every other one: the summary trigger on case_events reads the case's people
 * and its departure booking, which must be there when a copied departure event arrives, as they were
 * when the original was written.
 */
const LAST = ['case_events'];

/** A copy's uuid: md5 of the original and the copy number, with the version and variant bits of a v4 UUID. */
function remapped(column: string): string {
  return `overlay(overlay(md5(${column}::text || ':' || n) placing '4' from 13) placing '8' from 17)::uuid`;
}

type Treatment = { kind: 'keep' } | { kind: 'remap'; why: string } | { kind: 'suffix'; why: string };

export interface CopiedTable {
  name: string;
  columns: { name: string; type: string; treatment: Treatment }[];
  rows: number;
}

export interface MultiplyPlan {
  /** In insertion order. */
  tables: CopiedTable[];
  /** The tables copied rows refer to and share: their rows are not copied. */
  shared: string[];
}

interface ForeignKey {
  child: string;
  parent: string;
  columns: string[];
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
const snapshot = (table: string) => quote(`bench_snap_${table}`);

/**
 * Snapshots the mission's rows of every table to copy into temporary tables of this session, and
 * decides for each column how a copy gets its value: the same (mission, users, offices and other
 * shared rows), a remapped uuid (the row's own id, a reference to another copied row), or the value
 * with a suffix (a text under a unique constraint).
 */
export async function planMultiply(client: pg.Client, missionId: string): Promise<MultiplyPlan> {
  const { rows: keys } = await client.query<{ child: string; parent: string; columns: string[] }>(
    `select child.relname as child, parent.relname as parent,
       array(select a.attname::text from unnest(c.conkey) with ordinality k(attnum, i)
             join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum order by k.i) as columns
     from pg_constraint c
     join pg_class child on child.oid = c.conrelid
     join pg_class parent on parent.oid = c.confrelid
     where c.contype = 'f' and c.connamespace = 'public'::regnamespace`,
  );
  const foreignKeys: ForeignKey[] = keys;
  const copied = new Set(ROOTS);
  for (let grew = true; grew; ) {
    grew = false;
    for (const key of foreignKeys) {
      if (copied.has(key.parent) && !copied.has(key.child) && !(key.child in NOT_COPIED)) {
        copied.add(key.child);
        grew = true;
      }
    }
  }
  const { rows: uniques } = await client.query<{ table: string; columns: string[] }>(
    `select t.relname as table,
       array(select a.attname::text from unnest(c.conkey) k(attnum)
             join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum) as columns
     from pg_constraint c join pg_class t on t.oid = c.conrelid
     where c.contype in ('p', 'u') and c.connamespace = 'public'::regnamespace`,
  );
  const { rows: columnRows } = await client.query<{
    table: string;
    column: string;
    type: string;
    udt: string;
  }>(
    `select table_name as table, column_name as column, data_type as type, udt_name as udt
     from information_schema.columns
     where table_schema = 'public' and is_generated = 'NEVER'
     order by table_name, ordinal_position`,
  );
  const order = insertionOrder([...copied], foreignKeys);
  const tables: CopiedTable[] = [];
  for (const name of order) {
    const columns = columnRows.filter((row) => row.table === name);
    if (!columns.some((column) => column.column === 'mission_id')) {
      throw new Error(`${name} has no mission_id: it cannot be copied inside one mission`);
    }
    // A uuid[] column could hold references to copied rows that a copy would have to remap one by one.
    const uuidArray = columns.find((column) => column.udt === '_uuid');
    if (uuidArray) throw new Error(`${name}.${uuidArray.column} is a uuid[]: not handled`);
    await client.query(
      `create temporary table ${snapshot(name)} as select * from ${quote(name)} where mission_id = $1`,
      [missionId],
    );
    const { rows } = await client.query<{ n: string }>(`select count(*) as n from ${snapshot(name)}`);
    tables.push({
      name,
      rows: Number(rows[0]!.n),
      columns: columns.map((column) => ({
        name: column.column,
        type: column.type,
        treatment: { kind: 'keep' },
      })),
    });
  }

  // Every id of a copied row, to recognise uuid columns without a foreign key that point at copied rows.
  const withId = tables.filter((table) => table.columns.some((column) => column.name === 'id'));
  await client.query(
    `create temporary table bench_copied_ids as ${withId.map((table) => `select id from ${snapshot(table.name)}`).join(' union all ')}`,
  );
  await client.query('create index on bench_copied_ids (id)');
  await client.query('analyze bench_copied_ids');

  for (const table of tables) {
    const keysOf = foreignKeys.filter((key) => key.child === table.name);
    for (const column of table.columns) {
      if (column.type !== 'uuid' || column.name === 'mission_id') continue;
      const references = keysOf.filter((key) => key.columns.includes(column.name));
      const toCopied = references.find((key) => copied.has(key.parent));
      if (column.name === 'id') {
        column.treatment = { kind: 'remap', why: 'own id' };
      } else if (toCopied) {
        column.treatment = { kind: 'remap', why: `foreign key to ${toCopied.parent}` };
      } else if (references.length > 0) {
        column.treatment = { kind: 'keep' };
      } else {
        // No foreign key: decided by what the values are. Ids of copied rows (a booking's lineage, the
        // booking it supersedes, a disbursement's case) are remapped; ids of users and other shared
        // rows are kept; a column holding both cannot be copied faithfully.
        const { rows } = await client.query<{ inside: string; outside: string }>(
          `select count(c.id) as inside, count(*) - count(c.id) as outside
           from ${snapshot(table.name)} s left join bench_copied_ids c on c.id = s.${quote(column.name)}
           where s.${quote(column.name)} is not null`,
        );
        const inside = Number(rows[0]!.inside);
        const outside = Number(rows[0]!.outside);
        if (inside > 0 && outside > 0) {
          throw new Error(
            `${table.name}.${column.name} holds ${inside} ids of copied rows and ${outside} other values: cannot tell how to copy it`,
          );
        }
        if (inside > 0)
          column.treatment = { kind: 'remap', why: 'no foreign key; its values are ids of copied rows' };
      }
    }
    // A unique constraint none of whose columns changes would refuse the copies: a uuid in it is an
    // identity of its own (remapped), else a text gets the copy number as a suffix.
    for (const unique of uniques.filter((u) => u.table === table.name)) {
      const columns = unique.columns.map((name) => table.columns.find((column) => column.name === name)!);
      if (columns.some((column) => column.treatment.kind !== 'keep')) continue;
      const uuid = columns.find(
        (column) =>
          column.type === 'uuid' &&
          column.name !== 'mission_id' &&
          !keysOf.some((key) => key.columns.includes(column.name)),
      );
      const text = columns.find((column) => column.type === 'text');
      if (uuid) uuid.treatment = { kind: 'remap', why: `unique (${unique.columns.join(', ')})` };
      else if (text) text.treatment = { kind: 'suffix', why: `unique (${unique.columns.join(', ')})` };
      else
        throw new Error(
          `The unique key (${unique.columns.join(', ')}) of ${table.name} cannot be made distinct`,
        );
    }
  }
  const shared = [
    ...new Set(
      foreignKeys.filter((key) => copied.has(key.child) && !copied.has(key.parent)).map((key) => key.parent),
    ),
  ].sort();
  return { tables, shared };
}

/** Parents before children (foreign keys); a table of LAST only when nothing else is ready. */
function insertionOrder(tables: string[], foreignKeys: ForeignKey[]): string[] {
  const pending = new Set(tables);
  const order: string[] = [];
  while (pending.size > 0) {
    const ready = [...pending]
      .filter((table) =>
        foreignKeys.every((key) => key.child !== table || key.parent === table || !pending.has(key.parent)),
      )
      .sort();
    const pick = ready.find((table) => !LAST.includes(table)) ?? ready[0];
    if (!pick) throw new Error(`Circular foreign keys among ${[...pending].join(', ')}`);
    order.push(pick);
    pending.delete(pick);
  }
  return order;
}

/** The INSERT ... SELECT that writes copies `$1` to `$2` of a table from its snapshot. */
function copyStatement(table: CopiedTable): string {
  const names = table.columns.map((column) => quote(column.name)).join(', ');
  const values = table.columns
    .map((column) => {
      const value = `s.${quote(column.name)}`;
      if (column.treatment.kind === 'remap') return remapped(value);
      if (column.treatment.kind === 'suffix') return `${value} || '-C' || n`;
      return value;
    })
    .join(', ');
  return `insert into ${quote(table.name)} (${names})
    select ${values} from ${snapshot(table.name)} s cross join generate_series($1::int, $2::int) as n`;
}

/** Lines describing what is copied and how, for the benchmark's output. */
export function describePlan(plan: MultiplyPlan): string[] {
  const lines = [
    `  tables copied, in this order (rows in the snapshot): ${plan.tables.map((t) => `${t.name} (${t.rows.toLocaleString('en')})`).join(', ')}`,
    `  not copied, not read by the report: ${Object.entries(NOT_COPIED)
      .map(([name, what]) => `${name} (${what})`)
      .join(', ')}`,
  ];
  const columns = plan.tables.flatMap((table) =>
    table.columns.map((column) => ({ name: `${table.name}.${column.name}`, treatment: column.treatment })),
  );
  const named = (kind: Treatment['kind'], why: (reason: string) => boolean) =>
    columns
      .filter(({ treatment }) => treatment.kind === kind && 'why' in treatment && why(treatment.why))
      .map(({ name }) => name);
  const foreign = named('remap', (why) => why.startsWith('foreign key'));
  lines.push(
    `  remapped: each row's id, ${foreign.length} foreign keys into copied tables, and by their values (no foreign key): ${named('remap', (why) => !why.startsWith('foreign key') && why !== 'own id').join(', ')}`,
  );
  lines.push(`  made distinct with the copy number as a suffix: ${named('suffix', () => true).join(', ')}`);
  lines.push(
    `  shared, not copied (references to them are kept): ${plan.shared.join(', ')}; uuids inside JSON documents (timeline event data) still name the originals`,
  );
  return lines;
}

/**
 * Writes copies 1..copies of every snapshotted row, one transaction per copy (so a failure leaves
 * whole copies), through the tables' triggers. Logs progress about every tenth of the work.
 */
export async function writeCopies(
  client: pg.Client,
  plan: MultiplyPlan,
  copies: number,
  log: (line: string) => void,
): Promise<void> {
  const statements = plan.tables.map((table) => ({ table, sql: copyStatement(table) }));
  const perCopy = plan.tables.reduce((sum, table) => sum + table.rows, 0);
  const started = performance.now();
  let reported = 0;
  for (let n = 1; n <= copies; n++) {
    await client.query('begin');
    try {
      for (const { table, sql } of statements) {
        try {
          await client.query(sql, [n, n]);
        } catch (error) {
          throw new Error(`Copy ${n} of ${table.name} failed: ${(error as Error).message}`, { cause: error });
        }
      }
      await client.query('commit');
    } catch (error) {
      await client.query('rollback');
      throw error;
    }
    const tenth = Math.floor((n / copies) * 10);
    if (tenth > reported || n === copies) {
      reported = tenth;
      const seconds = (performance.now() - started) / 1000;
      log(
        `  copy ${n}/${copies}: ${(n * perCopy).toLocaleString('en')} rows in ${seconds.toFixed(1)} s (${Math.round((n * perCopy) / seconds).toLocaleString('en')} rows/s)`,
      );
    }
  }
}
