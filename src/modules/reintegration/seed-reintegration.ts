import type { Executor } from '../../platform/db/database.js';
import { seedSustainabilityWeights } from '../monitoring/sustainability-weights.js';
import { seedPartnerNgos } from './partner-ngos.js';

/** Seeds a new mission's reintegration lists: the partner NGOs and the survey weights (version 1). */
export async function seedReintegrationReferenceData(db: Executor, missionId: string): Promise<void> {
  await seedPartnerNgos(db, missionId);
  await seedSustainabilityWeights(db, missionId);
}
