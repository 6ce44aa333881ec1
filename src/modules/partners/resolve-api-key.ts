import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../platform/auth/actor.js';
import { missionSettingsColumns } from '../organisation/load-actor.js';
import { missions } from '../organisation/schema.js';
import { hashApiKey } from './api-key-tokens.js';
import { apiKeys, partners } from './schema.js';

// last_used_at is for people ("is this key still in use?"): minute precision spares a write per call.
const LAST_USED_RESOLUTION_MS = 60_000;

/** Finds the partner behind an API key; null when the key is unknown, revoked or the partner inactive. */
export async function resolveApiKeyActor(request: FastifyRequest, key: string): Promise<Actor | null> {
  const db = request.server.database.db;
  const [row] = await db
    .select({ key: apiKeys, partner: partners, mission: missionSettingsColumns })
    .from(apiKeys)
    .innerJoin(partners, and(eq(partners.missionId, apiKeys.missionId), eq(partners.id, apiKeys.partnerId)))
    .innerJoin(missions, eq(missions.id, apiKeys.missionId))
    .where(eq(apiKeys.tokenHash, hashApiKey(key)))
    .limit(1);
  if (!row || row.key.revokedAt !== null || !row.partner.active) return null;
  const now = new Date();
  await db
    .update(apiKeys)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(apiKeys.missionId, row.key.missionId),
        eq(apiKeys.id, row.key.id),
        or(
          isNull(apiKeys.lastUsedAt),
          lt(apiKeys.lastUsedAt, new Date(now.getTime() - LAST_USED_RESOLUTION_MS)),
        ),
      ),
    );
  return {
    id: row.key.id,
    missionId: row.key.missionId,
    email: '',
    displayName: row.partner.name,
    locale: 'en',
    roles: [],
    mission: row.mission,
    partner: {
      partnerId: row.partner.id,
      apiKeyId: row.key.id,
      name: row.partner.name,
      scopes: row.key.scopes,
    },
  };
}
