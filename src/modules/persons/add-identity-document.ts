import { recordAudit } from '../../platform/audit/record-audit.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { newId } from '../../platform/ids.js';
import { getPerson } from './get-person.js';
import type { AddIdentityDocument } from './person-schemas.js';
import { presentIdentityDocument } from './present-person.js';
import { type PersonDocumentRow, personDocuments } from './schema.js';

/** Records an identity or travel document of a person of the actor's mission (404 for any other). */
export async function addIdentityDocument(
  ctx: ServiceContext,
  personId: string,
  input: AddIdentityDocument,
): Promise<PersonDocumentRow> {
  await getPerson(ctx.tx, ctx.actor.missionId, personId);
  const [row] = await ctx.tx
    .insert(personDocuments)
    .values({
      missionId: ctx.actor.missionId,
      id: newId(),
      personId,
      kind: input.kind,
      number: input.number,
      issuingCountry: input.issuingCountry,
      validFrom: input.validFrom ?? null,
      validUntil: input.validUntil ?? null,
      createdAt: ctx.now,
    })
    .returning();
  await recordAudit(ctx, {
    action: 'person.document_add',
    recordType: 'person',
    recordId: personId,
    after: presentIdentityDocument(row!),
  });
  return row!;
}
