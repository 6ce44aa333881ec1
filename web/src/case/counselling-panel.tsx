import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, apiPost } from '../api/client.js';
import { useOffices } from '../api/reference-data.js';
import type { UserSummary } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { fieldErrorsOf } from '../ui/field-errors.js';
import { formatDate } from '../ui/format.js';
import { ErrorMessage, FieldError, Loading } from '../ui/status-messages.js';
import { TextField } from '../ui/text-field.js';
import type { CasePanelProps } from './case-context.js';

/** The fixed topic list and outcomes (the API refuses anything else). */
export const COUNSELLING_TOPICS = [
  'return_options',
  'eligibility',
  'travel_documents',
  'travel_arrangements',
  'reintegration_support',
  'health',
  'family',
  'legal_status',
  'vulnerability',
  'other',
] as const;
export const COUNSELLING_OUTCOMES = [
  'interested',
  'undecided',
  'decided_to_return',
  'not_interested',
  'follow_up_needed',
] as const;

interface CounsellingSession {
  id: string;
  heldOn: string;
  office: { id: string; name: string };
  location: string | null;
  counsellor: UserSummary | null;
  language: string;
  interpreterUsed: boolean;
  interpreterLanguage: string | null;
  topics: string[];
  outcome: string;
  nextStep: string | null;
}

const today = () => new Date().toISOString().slice(0, 10);
const empty = () => ({
  heldOn: today(),
  officeId: '',
  location: '',
  language: '',
  interpreterUsed: false,
  interpreterLanguage: '',
  topics: [] as string[],
  outcome: '',
  nextStep: '',
});

/** The case's counselling sessions and a form to record one. */
export function CounsellingPanel({ kase, onActivity }: CasePanelProps) {
  const { t, i18n } = useTranslation();
  const { offices } = useOffices();
  const { data, error, loading, reload } = useApi<{ items: CounsellingSession[] }>(
    `/cases/${kase.id}/counselling-sessions`,
  );
  const [values, setValues] = useState(empty);
  const [postError, setPostError] = useState<ApiError | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const errors = fieldErrorsOf(postError);
  const sessions = data?.items ?? [];

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setPostError(undefined);
    try {
      await apiPost(`/cases/${kase.id}/counselling-sessions`, {
        heldOn: values.heldOn,
        ...(values.officeId ? { officeId: values.officeId } : {}),
        ...(values.location.trim() ? { location: values.location.trim() } : {}),
        language: values.language.trim(),
        interpreterUsed: values.interpreterUsed,
        ...(values.interpreterUsed && values.interpreterLanguage.trim()
          ? { interpreterLanguage: values.interpreterLanguage.trim() }
          : {}),
        topics: values.topics,
        outcome: values.outcome,
        ...(values.nextStep.trim() ? { nextStep: values.nextStep.trim() } : {}),
      });
      setValues(empty());
      reload();
      onActivity();
    } catch (caught) {
      setPostError(caught instanceof ApiError ? caught : new ApiError({ status: 0, title: String(caught) }));
    } finally {
      setBusy(false);
    }
  }

  const toggleTopic = (topic: string, checked: boolean) =>
    setValues((v) => ({
      ...v,
      topics: checked ? [...v.topics, topic] : v.topics.filter((x) => x !== topic),
    }));

  return (
    <section className="panel" aria-labelledby="counselling-heading" data-testid="counselling">
      <h2 id="counselling-heading">{t('counselling.title')}</h2>
      {loading && !data && <Loading />}
      <ErrorMessage error={error} />
      {data && sessions.length === 0 && <p className="muted">{t('counselling.none')}</p>}
      {sessions.length > 0 && (
        <ul>
          {sessions.map((s) => (
            <li key={s.id} data-testid="counselling-session">
              <strong>{formatDate(s.heldOn, i18n.language)}</strong> — {s.office.name}
              {s.location ? ` (${s.location})` : ''} · {t(`counselling.outcomes.${s.outcome}`)}
              <br />
              <span className="muted">
                {t('counselling.languageLine', { language: s.language })}
                {s.interpreterUsed
                  ? ` · ${t('counselling.interpreterLine', { language: s.interpreterLanguage })}`
                  : ''}
                {s.counsellor ? ` · ${s.counsellor.displayName}` : ''}
              </span>
              <br />
              {s.topics.map((topic) => t(`counselling.topics.${topic}`)).join(', ')}
              {s.nextStep && (
                <>
                  <br />
                  {t('counselling.nextStep')}: {s.nextStep}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {kase.policies.update && (
        <form onSubmit={submit} noValidate>
          <fieldset>
            <legend>{t('counselling.record')}</legend>
            <div className="field-row">
              <TextField
                id="counselling-heldOn"
                label={t('counselling.heldOn')}
                type="date"
                value={values.heldOn}
                onChange={(heldOn) => setValues({ ...values, heldOn })}
                errors={errors.heldOn}
                required
              />
              <div className="field">
                <label htmlFor="counselling-office">{t('counselling.office')}</label>
                <select
                  id="counselling-office"
                  value={values.officeId}
                  onChange={(e) => setValues({ ...values, officeId: e.target.value })}
                >
                  <option value="">{t('counselling.caseOffice')}</option>
                  {offices.map((office) => (
                    <option key={office.id} value={office.id}>
                      {office.name}
                    </option>
                  ))}
                </select>
              </div>
              <TextField
                id="counselling-location"
                label={t('counselling.location')}
                value={values.location}
                onChange={(location) => setValues({ ...values, location })}
                errors={errors.location}
              />
            </div>
            <div className="field-row">
              <TextField
                id="counselling-language"
                label={t('counselling.language')}
                hint={t('counselling.languageHint')}
                value={values.language}
                onChange={(language) => setValues({ ...values, language })}
                errors={errors.language}
                required
              />
              <div className="checkbox">
                <input
                  id="counselling-interpreter"
                  type="checkbox"
                  checked={values.interpreterUsed}
                  onChange={(e) => setValues({ ...values, interpreterUsed: e.target.checked })}
                />
                <label htmlFor="counselling-interpreter">{t('counselling.interpreterUsed')}</label>
              </div>
              {values.interpreterUsed && (
                <TextField
                  id="counselling-interpreterLanguage"
                  label={t('counselling.interpreterLanguage')}
                  value={values.interpreterLanguage}
                  onChange={(interpreterLanguage) => setValues({ ...values, interpreterLanguage })}
                  errors={errors.interpreterLanguage}
                  required
                />
              )}
            </div>
            <fieldset aria-describedby={errors.topics ? 'counselling-topics-error' : undefined}>
              <legend>{t('counselling.topicsLabel')}</legend>
              <div className="checkbox-group">
                {COUNSELLING_TOPICS.map((topic) => (
                  <div className="checkbox" key={topic}>
                    <input
                      id={`counselling-topic-${topic}`}
                      type="checkbox"
                      checked={values.topics.includes(topic)}
                      onChange={(e) => toggleTopic(topic, e.target.checked)}
                    />
                    <label htmlFor={`counselling-topic-${topic}`}>{t(`counselling.topics.${topic}`)}</label>
                  </div>
                ))}
              </div>
              <FieldError id="counselling-topics-error" messages={errors.topics} />
            </fieldset>
            <div className="field-row">
              <div className={errors.outcome ? 'field has-error' : 'field'}>
                <label htmlFor="counselling-outcome">{t('counselling.outcome')}</label>
                <select
                  id="counselling-outcome"
                  value={values.outcome}
                  onChange={(e) => setValues({ ...values, outcome: e.target.value })}
                  required
                  aria-describedby={errors.outcome ? 'counselling-outcome-error' : undefined}
                >
                  <option value="">{t('common.choose')}</option>
                  {COUNSELLING_OUTCOMES.map((outcome) => (
                    <option key={outcome} value={outcome}>
                      {t(`counselling.outcomes.${outcome}`)}
                    </option>
                  ))}
                </select>
                <FieldError id="counselling-outcome-error" messages={errors.outcome} />
              </div>
              <TextField
                id="counselling-nextStep"
                label={t('counselling.nextStep')}
                value={values.nextStep}
                onChange={(nextStep) => setValues({ ...values, nextStep })}
                errors={errors.nextStep}
              />
            </div>
            <button type="submit" disabled={busy}>
              {t('counselling.save')}
            </button>
            <ErrorMessage
              error={postError}
              inlineFields={[
                'heldOn',
                'location',
                'language',
                'interpreterLanguage',
                'topics',
                'outcome',
                'nextStep',
              ]}
            />
          </fieldset>
        </form>
      )}
    </section>
  );
}
