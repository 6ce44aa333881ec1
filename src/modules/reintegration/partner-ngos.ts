import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { newId } from '../../platform/ids.js';
import { partnerNgos } from './schema.js';

/** The partner NGOs on whose behalf IOM the Netherlands paid grants in 2023. */
export const defaultPartnerNgos = [
  'Stichting Wereldwijd',
  'Stichting ROS',
  'Vluchtelingenwerk Nederland',
  'Stichting Goedwerk',
] as const;

/** Seeds a new mission's partner NGO list. */
export async function seedPartnerNgos(db: Executor, missionId: string): Promise<void> {
  await db
    .insert(partnerNgos)
    .values(defaultPartnerNgos.map((name) => ({ missionId, id: newId(), name })))
    .onConflictDoNothing();
}

/** The mission's partner NGOs, by name. */
export async function listPartnerNgos(db: Executor, missionId: string) {
  return db
    .select({ id: partnerNgos.id, name: partnerNgos.name, active: partnerNgos.active })
    .from(partnerNgos)
    .where(eq(partnerNgos.missionId, missionId))
    .orderBy(asc(partnerNgos.name));
}
