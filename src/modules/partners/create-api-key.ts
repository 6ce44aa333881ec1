import { recordAudit } from '../../platform/audit/record-audit.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { newId } from '../../platform/ids.js';
import { generateApiKey } from './api-key-tokens.js';
import { loadPartner } from './load-partner.js';
import { type ApiKeyScope, apiKeys } from './schema.js';

/** Issues an API key for a partner; the key itself is returned this once and only its hash is kept. */
export async function createApiKey(
  ctx: ServiceContext,
  partnerId: string,
  input: { name: string; scopes: ApiKeyScope[] },
) {
  await loadPartner(ctx.tx, ctx.actor.missionId, partnerId);
  const { key, prefix, tokenHash } = generateApiKey();
  const [row] = await ctx.tx
    .insert(apiKeys)
    .values({
      missionId: ctx.actor.missionId,
      id: newId(),
      partnerId,
      name: input.name,
      prefix,
      tokenHash,
      scopes: [...new Set(input.scopes)],
      createdAt: ctx.now,
      createdBy: ctx.actor.id,
    })
    .returning();
  const { tokenHash: _hash, ...recorded } = row!;
  await recordAudit(ctx, {
    action: 'api_key.create',
    recordType: 'api_key',
    recordId: row!.id,
    after: recorded,
  });
  return { row: row!, key };
}
