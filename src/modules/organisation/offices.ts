import { and, asc, eq, type SQL } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Executor } from '../../platform/db/database.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { conflict, notFound } from '../../platform/http/problem.js';
import { newId } from '../../platform/ids.js';
import type { CreateOffice, UpdateOffice } from './organisation-schemas.js';
import { offices } from './schema.js';

const officeColumns = {
  id: offices.id,
  name: offices.name,
  kind: offices.kind,
  country: offices.country,
  city: offices.city,
  active: offices.active,
};

/** The mission's offices by name; closed ones only when asked. */
export function listOffices(db: Executor, missionId: string, options: { includeInactive?: boolean } = {}) {
  const conditions: SQL[] = [eq(offices.missionId, missionId)];
  if (!options.includeInactive) conditions.push(eq(offices.active, true));
  return db
    .select(officeColumns)
    .from(offices)
    .where(and(...conditions))
    .orderBy(asc(offices.name));
}

async function nameTaken(ctx: ServiceContext, name: string, exceptId?: string): Promise<boolean> {
  const [row] = await ctx.tx
    .select({ id: offices.id })
    .from(offices)
    .where(and(eq(offices.missionId, ctx.actor.missionId), eq(offices.name, name)));
  return !!row && row.id !== exceptId;
}

/** Opens an office or work location of the mission. */
export async function createOffice(ctx: ServiceContext, input: CreateOffice) {
  if (await nameTaken(ctx, input.name)) throw conflict(`There is already an office named ${input.name}.`);
  const [row] = await ctx.tx
    .insert(offices)
    .values({
      missionId: ctx.actor.missionId,
      id: newId(),
      ...input,
      city: input.city ?? null,
      createdAt: ctx.now,
    })
    .returning(officeColumns);
  await recordAudit(ctx, { action: 'office.create', recordType: 'office', recordId: row!.id, after: row });
  return row!;
}

/**
 * Renames an office, changes its kind or place, or closes (active false) or reopens it. A closed
 * office keeps its cases and history; no new role is given there.
 */
export async function updateOffice(ctx: ServiceContext, id: string, input: UpdateOffice) {
  const where = and(eq(offices.missionId, ctx.actor.missionId), eq(offices.id, id));
  const [before] = await ctx.tx.select(officeColumns).from(offices).where(where).for('update');
  if (!before) throw notFound('Office');
  if (input.name !== undefined && (await nameTaken(ctx, input.name, id)))
    throw conflict(`There is already an office named ${input.name}.`);
  const [after] = await ctx.tx.update(offices).set(input).where(where).returning(officeColumns);
  await recordAudit(ctx, { action: 'office.update', recordType: 'office', recordId: id, before, after });
  return after!;
}
