import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { API_BASE, ApiError, apiPost } from '../api/client.js';
import type { CaseDocument } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { CASE_DOCUMENT_KINDS } from '../cases/avrr-codes.js';
import { formatBytes, formatDateTime, shortHash } from '../ui/format.js';
import { ErrorMessage, Loading } from '../ui/status-messages.js';
import type { CasePanelProps } from './case-context.js';
import { uploadProblem } from './upload-check.js';

/** Uploaded case documents (PDF, PNG, JPEG up to 10 MB) with their SHA-256 fingerprint. */
export function DocumentsPanel({ kase, onActivity }: CasePanelProps) {
  const { t, i18n } = useTranslation();
  const { data, error, loading, reload } = useApi<{ items: CaseDocument[] }>(`/cases/${kase.id}/documents`);
  const [kind, setKind] = useState<string>(CASE_DOCUMENT_KINDS[0]);
  const [file, setFile] = useState<File | undefined>(undefined);
  const [uploadError, setUploadError] = useState<ApiError | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    const problem = uploadProblem(file);
    if (problem) {
      setUploadError(new ApiError({ status: 400, title: t(problem) }));
      return;
    }
    setBusy(true);
    setUploadError(undefined);
    const form = new FormData();
    form.append('kind', kind);
    form.append('file', file, file.name);
    try {
      await apiPost(`/cases/${kase.id}/documents`, form);
      setFile(undefined);
      if (fileInput.current) fileInput.current.value = '';
      reload();
      onActivity();
    } catch (caught) {
      setUploadError(
        caught instanceof ApiError ? caught : new ApiError({ status: 0, title: String(caught) }),
      );
    } finally {
      setBusy(false);
    }
  }

  const documents = data?.items ?? [];
  return (
    <section className="panel" aria-labelledby="documents-heading" data-testid="documents">
      <h2 id="documents-heading">{t('documents.title')}</h2>
      {loading && !data && <Loading />}
      <ErrorMessage error={error} />
      {data && documents.length === 0 && <p className="muted">{t('documents.none')}</p>}
      {documents.length > 0 && (
        <div className="table-wrapper">
          <table className="compact">
            <thead>
              <tr>
                <th scope="col">{t('documents.filename')}</th>
                <th scope="col">{t('documents.kind')}</th>
                <th scope="col">{t('documents.size')}</th>
                <th scope="col">{t('documents.sha256')}</th>
                <th scope="col">{t('documents.uploaded')}</th>
              </tr>
            </thead>
            <tbody>
              {documents.map((doc) => (
                <tr key={doc.id} data-testid="document-row">
                  <td>
                    {doc.hidden || doc.filename === null ? (
                      <span className="muted">{t('documents.restrictedHidden')}</span>
                    ) : (
                      <a href={`${API_BASE}/documents/${doc.id}/content`} download={doc.filename}>
                        {doc.filename}
                      </a>
                    )}
                  </td>
                  <td>{t(`caseDocumentKind.${doc.kind}`, { defaultValue: doc.kind })}</td>
                  <td>{formatBytes(doc.size)}</td>
                  <td>
                    <code title={doc.sha256} dir="ltr">
                      {shortHash(doc.sha256)}
                    </code>
                  </td>
                  <td>
                    {uploaderName(doc.uploadedBy)} · {formatDateTime(doc.createdAt, i18n.language)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {kase.policies.uploadDocument && (
        <form onSubmit={submit} className="upload-form">
          <fieldset>
            <legend>{t('documents.upload')}</legend>
            <div className="field-row">
              <div className="field">
                <label htmlFor="document-kind">{t('documents.kind')}</label>
                <select id="document-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
                  {CASE_DOCUMENT_KINDS.map((code) => (
                    <option key={code} value={code}>
                      {t(`caseDocumentKind.${code}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="document-file">{t('documents.file')}</label>
                <p id="document-file-hint" className="hint">
                  {t('documents.fileHint')}
                </p>
                <input
                  id="document-file"
                  ref={fileInput}
                  type="file"
                  accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
                  aria-describedby="document-file-hint"
                  onChange={(e) => setFile(e.target.files?.[0])}
                />
              </div>
            </div>
            <button type="submit" disabled={busy || !file}>
              {busy ? t('documents.uploading') : t('documents.submit')}
            </button>
            <ErrorMessage error={uploadError} />
          </fieldset>
        </form>
      )}
    </section>
  );
}

function uploaderName(uploadedBy: CaseDocument['uploadedBy']): string {
  if (!uploadedBy) return '';
  return typeof uploadedBy === 'string' ? uploadedBy : uploadedBy.displayName;
}
