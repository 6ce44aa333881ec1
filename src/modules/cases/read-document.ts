import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/database.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { notFound } from '../../platform/http/problem.js';
import type { Storage } from '../../platform/storage/storage.js';
import { type CaseForPolicy, casePolicy } from './case-policy.js';
import type { CaseRow } from './load-case.js';
import { caseCategories } from './restricted-case-reads.js';
import { documentCategory, recordSensitiveRead } from './restricted-data.js';
import { caseDocuments } from './schema.js';

export type DocumentRow = typeof caseDocuments.$inferSelect;

/**
 * Finds a document of the actor's mission (of one case when caseId is given). The caller still loads
 * its case, which answers 404 when the actor may not see it.
 */
export async function findDocument(
  db: Executor,
  actor: Actor,
  documentId: string,
  caseId?: string,
): Promise<DocumentRow> {
  const [row] = await db
    .select()
    .from(caseDocuments)
    .where(
      and(
        eq(caseDocuments.missionId, actor.missionId),
        eq(caseDocuments.id, documentId),
        caseId === undefined ? undefined : eq(caseDocuments.caseId, caseId),
      ),
    );
  if (!row) throw notFound('Document');
  return row;
}

/** Need-to-know on a document: anyone who reads the case, a medical one only its uploader and those granted. */
export function mayOpenDocument(actor: Actor, kase: CaseRow & CaseForPolicy, document: DocumentRow): boolean {
  const category = documentCategory(document.kind);
  if (!casePolicy.read(actor, kase)) return false;
  return category === null || document.uploadedBy === actor.id || casePolicy.know(actor, kase, category);
}

/** Reads a document's bytes, checks them against the recorded SHA-256 and logs the download. */
export async function readDocument(
  ctx: ServiceContext,
  options: { document: DocumentRow; kase: CaseRow & CaseForPolicy; storage: Storage },
): Promise<Buffer> {
  const { document, kase, storage } = options;
  const data = await storage.get(document.storageKey);
  // A file changed or damaged on disk is never handed out as if it were the one uploaded.
  if (createHash('sha256').update(data).digest('hex') !== document.sha256) {
    throw new Error(`Document ${document.id} does not match its recorded SHA-256`);
  }
  await recordAudit(ctx, {
    action: 'document.download',
    recordType: 'case_document',
    recordId: document.id,
    after: { caseId: document.caseId, filename: document.filename },
  });
  const category = documentCategory(document.kind);
  await recordSensitiveRead(ctx, kase, {
    what: 'document',
    categories: [...caseCategories(kase), ...(category ? [category] : [])],
    ids: [document.id],
  });
  return data;
}

/** A Content-Disposition header that makes browsers save the file under its (sanitised) name. */
export function attachmentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16)}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
