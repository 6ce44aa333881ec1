import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, apiPost } from '../api/client.js';
import type { Note } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { formatDateTime } from '../ui/format.js';
import { ErrorMessage, Loading } from '../ui/status-messages.js';
import type { CasePanelProps } from './case-context.js';

/** Counselling notes on the case, newest as the server orders them, with a form to add one. */
export function NotesPanel({ kase, onActivity }: CasePanelProps) {
  const { t, i18n } = useTranslation();
  const { data, error, loading, reload } = useApi<{ items: Note[] }>(`/cases/${kase.id}/notes`);
  const [body, setBody] = useState('');
  const [restriction, setRestriction] = useState('');
  const [postError, setPostError] = useState<ApiError | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!body.trim()) return;
    setBusy(true);
    setPostError(undefined);
    try {
      await apiPost(`/cases/${kase.id}/notes`, { body: body.trim(), restriction: restriction || null });
      setBody('');
      setRestriction('');
      reload();
      onActivity();
    } catch (caught) {
      setPostError(caught instanceof ApiError ? caught : new ApiError({ status: 0, title: String(caught) }));
    } finally {
      setBusy(false);
    }
  }

  const notes = data?.items ?? [];
  return (
    <section className="panel" aria-labelledby="notes-heading" data-testid="notes">
      <h2 id="notes-heading">{t('notes.title')}</h2>
      {loading && !data && <Loading />}
      <ErrorMessage error={error} />
      {data && notes.length === 0 && <p className="muted">{t('notes.none')}</p>}
      {notes.length > 0 && (
        <ul className="note-list">
          {notes.map((note) => (
            <li key={note.id} data-testid="note">
              {note.hidden ? (
                <p className="note-body muted">
                  {t('notes.restrictedHidden', { category: t(`restriction.${note.restriction}`) })}
                </p>
              ) : (
                <p className="note-body">{note.body}</p>
              )}
              <p className="meta">
                {note.author.displayName} ·{' '}
                <time dateTime={note.createdAt}>{formatDateTime(note.createdAt, i18n.language)}</time>
              </p>
            </li>
          ))}
        </ul>
      )}
      {kase.policies.addNote && (
        <form onSubmit={submit} className="note-form">
          <div className="field">
            <label htmlFor="note-body">{t('notes.newNote')}</label>
            <textarea id="note-body" rows={3} value={body} onChange={(e) => setBody(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="note-restriction">{t('notes.restriction')}</label>
            <select
              id="note-restriction"
              value={restriction}
              onChange={(e) => setRestriction(e.target.value)}
            >
              <option value="">{t('restriction.none')}</option>
              {(['medical', 'trafficking', 'minor'] as const).map((category) => (
                <option key={category} value={category}>
                  {t(`restriction.${category}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" disabled={busy || !body.trim()}>
            {t('notes.add')}
          </button>
          <ErrorMessage error={postError} />
        </form>
      )}
    </section>
  );
}
