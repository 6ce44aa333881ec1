import { UPLOAD_CONTENT_TYPES, UPLOAD_MAX_BYTES } from '../cases/avrr-codes.js';

/** Why a file cannot be uploaded (an i18n key), or undefined when it can. */
export function uploadProblem(file: { type: string; size: number; name: string }): string | undefined {
  const byExtension = /\.(pdf|png|jpe?g)$/i.test(file.name);
  if (!UPLOAD_CONTENT_TYPES.includes(file.type) && !(file.type === '' && byExtension)) {
    return 'documents.wrongType';
  }
  if (file.size > UPLOAD_MAX_BYTES) return 'documents.tooLarge';
  if (file.size === 0) return 'documents.empty';
  return undefined;
}
