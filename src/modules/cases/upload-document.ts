import { createHash } from 'node:crypto';
import path from 'node:path';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { badRequest, HttpProblem } from '../../platform/http/problem.js';
import { newId } from '../../platform/ids.js';
import type { Storage } from '../../platform/storage/storage.js';
import {
  CASE_DOCUMENT_KINDS,
  type CaseDocument,
  type CaseDocumentKind,
  DOCUMENT_CONTENT_TYPES,
  type DocumentContentType,
} from './activity-schemas.js';
import { appendCaseEvent } from './case-events.js';
import type { CaseRow } from './load-case.js';
import { presentDocument } from './present-activity.js';
import { caseDocuments } from './schema.js';

/** A file as it arrived, before any check. */
export interface IncomingUpload {
  kind: string | undefined;
  filename: string;
  declaredType: string;
  data: Buffer;
}

/** A file that passed the checks, ready to store. */
export interface CheckedUpload {
  kind: CaseDocumentKind;
  filename: string;
  contentType: DocumentContentType;
  data: Buffer;
}

const unsupported = (detail: string) =>
  new HttpProblem({ status: 415, title: 'Unsupported Media Type', detail });

const EXTENSIONS: Record<DocumentContentType, readonly string[]> = {
  'application/pdf': ['.pdf'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
  'text/plain': ['.txt'],
};

// Types browsers and tools send when they do not know better: the extension and the bytes decide.
const GENERIC_TYPES = new Set(['', 'application/octet-stream', 'binary/octet-stream']);
const TYPE_ALIASES: Record<string, string> = { 'image/jpg': 'image/jpeg', 'image/pjpeg': 'image/jpeg' };

/** The declared content type, lower-cased, without parameters, with common aliases resolved. */
export function normaliseContentType(declared: string): string {
  const bare = (declared.split(';')[0] ?? '').trim().toLowerCase();
  return TYPE_ALIASES[bare] ?? bare;
}

/** What the file's first bytes say it is, or null when it is none of the accepted types. */
export function detectContentType(data: Buffer): DocumentContentType | null {
  if (data.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return 'image/png';
  }
  if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  return isPlainText(data) ? 'text/plain' : null;
}

// Plain text is valid UTF-8 without control characters other than tab, line feed, form feed and return.
function isPlainText(data: Buffer): boolean {
  for (const byte of data) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) return false;
    if (byte === 0x7f) return false;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(data);
    return true;
  } catch {
    return false;
  }
}

/** A file name safe to store and to send back in a header: no path, no control or reserved characters. */
export function sanitiseFilename(name: string, contentType: DocumentContentType): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}"<>:|?*]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  const fallback = `document${EXTENSIONS[contentType][0]}`;
  if (!cleaned) return fallback;
  if (cleaned.length <= 200) return cleaned;
  const extension = path.extname(cleaned).slice(0, 10);
  return cleaned.slice(0, 200 - extension.length) + extension;
}

/**
 * Checks an upload: a known kind, not empty, and a content type that is both accepted and what the
 * bytes really are (a program renamed to .pdf is refused with 415).
 */
export function checkUpload(upload: IncomingUpload): CheckedUpload {
  const kind = upload.kind?.trim();
  if (!kind || !(CASE_DOCUMENT_KINDS as readonly string[]).includes(kind)) {
    throw badRequest('The document kind is missing or unknown.', [
      { path: 'body.kind', message: `must be one of ${CASE_DOCUMENT_KINDS.join(', ')}` },
    ]);
  }
  if (upload.data.length === 0) {
    throw badRequest('The file is empty.', [{ path: 'body.file', message: 'is empty' }]);
  }
  const declared = normaliseContentType(upload.declaredType);
  const accepted = DOCUMENT_CONTENT_TYPES as readonly string[];
  if (!GENERIC_TYPES.has(declared) && !accepted.includes(declared)) {
    throw unsupported(`Files of type ${declared} are not accepted: send PDF, JPEG, PNG or plain text.`);
  }
  const detected = detectContentType(upload.data);
  if (!detected) throw unsupported('The file is not a PDF, JPEG, PNG or plain-text file.');
  if (GENERIC_TYPES.has(declared)) {
    const extension = path.extname(upload.filename).toLowerCase();
    if (!EXTENSIONS[detected].includes(extension)) {
      throw unsupported(`The file's name (${extension || 'no extension'}) does not match its content.`);
    }
  } else if (declared !== detected) {
    throw unsupported(`The file's content does not match its declared type ${declared}.`);
  }
  return {
    kind: kind as CaseDocumentKind,
    filename: sanitiseFilename(upload.filename, detected),
    contentType: detected,
    data: upload.data,
  };
}

/** Where a document's bytes are kept: by mission, then case, so a mission's files can move together. */
export function documentStorageKey(missionId: string, caseId: string, documentId: string): string {
  return `${missionId}/${caseId}/${documentId}`;
}

/** Stores a checked document with its SHA-256 fingerprint, audit entry and timeline event. */
export async function uploadDocument(
  ctx: ServiceContext,
  options: { kase: CaseRow; upload: CheckedUpload; storage: Storage },
): Promise<CaseDocument> {
  const { kase, upload, storage } = options;
  const id = newId();
  const storageKey = documentStorageKey(kase.missionId, kase.id, id);
  const sha256 = createHash('sha256').update(upload.data).digest('hex');
  const [row] = await ctx.tx
    .insert(caseDocuments)
    .values({
      missionId: kase.missionId,
      id,
      caseId: kase.id,
      filename: upload.filename,
      kind: upload.kind,
      contentType: upload.contentType,
      size: upload.data.length,
      sha256,
      storageKey,
      uploadedBy: ctx.actor.id,
      createdAt: ctx.now,
    })
    .returning();
  const document = row!;
  await recordAudit(ctx, {
    action: 'document.upload',
    recordType: 'case_document',
    recordId: id,
    after: {
      caseId: kase.id,
      filename: document.filename,
      kind: document.kind,
      contentType: document.contentType,
      size: document.size,
      sha256,
    },
  });
  await appendCaseEvent(ctx, kase.id, 'document_uploaded', {
    documentId: id,
    filename: document.filename,
    kind: document.kind,
  });
  // Written last, so a failure here rolls the row back; a failed commit leaves only an unreferenced file.
  await storage.put(storageKey, upload.data);
  const { id: actorId, displayName, email } = ctx.actor;
  return presentDocument(document, new Map([[actorId, { id: actorId, displayName, email }]]));
}
