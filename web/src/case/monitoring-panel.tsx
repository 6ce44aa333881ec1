import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, apiPost } from '../api/client.js';
import { useApi } from '../api/use-api.js';
import { pickLocalized } from '../i18n/localized.js';
import { fieldErrorsOf } from '../ui/field-errors.js';
import { formatDate } from '../ui/format.js';
import { ErrorMessage, Loading } from '../ui/status-messages.js';
import { TextField } from '../ui/text-field.js';
import type { CasePanelProps } from './case-context.js';
import type { MonitoringResponse, SurveyDefinition } from './reintegration-types.js';
import { ScoresChart } from './scores-chart.js';

const today = () => new Date().toISOString().slice(0, 10);
const asApiError = (caught: unknown) =>
  caught instanceof ApiError ? caught : new ApiError({ status: 0, title: String(caught) });

/** Post-return monitoring: visits, sustainability surveys and their scores over time. */
export function MonitoringPanel({ kase, onActivity }: CasePanelProps) {
  const { t, i18n } = useTranslation();
  const { data, error, loading, reload } = useApi<MonitoringResponse>(`/cases/${kase.id}/monitoring`);
  const changed = () => {
    reload();
    onActivity();
  };
  const score = (value: string | null) => value ?? '–';
  return (
    <section className="panel" aria-labelledby="monitoring-heading" data-testid="monitoring">
      <h2 id="monitoring-heading">{t('monitoring.title')}</h2>
      {loading && !data && <Loading />}
      <ErrorMessage error={error} />
      {data && data.visits.length === 0 && data.surveys.length === 0 && (
        <p className="muted">{t('monitoring.none')}</p>
      )}
      {data && data.visits.length > 0 && (
        <ul className="note-list">
          {data.visits.map((visit) => (
            <li key={visit.id}>
              <p className="meta">
                {formatDate(visit.visitDate, i18n.language)} · {t(`monitoring.mode.${visit.mode}`)} ·{' '}
                {visit.office.name}
                {visit.visitedBy ? ` · ${visit.visitedBy.displayName}` : ''}
              </p>
              {visit.notes && <p className="note-body">{visit.notes}</p>}
            </li>
          ))}
        </ul>
      )}
      {data && data.surveys.length > 0 && (
        <>
          <ScoresChart surveys={data.surveys} />
          <div className="table-wrapper">
            <table>
              <caption>{t('monitoring.surveys')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('monitoring.surveyDate')}</th>
                  <th scope="col">{t('monitoring.dimension.economic')}</th>
                  <th scope="col">{t('monitoring.dimension.social')}</th>
                  <th scope="col">{t('monitoring.dimension.psychosocial')}</th>
                  <th scope="col">{t('monitoring.dimension.composite')}</th>
                  <th scope="col">{t('monitoring.sustainable')}</th>
                  <th scope="col">{t('monitoring.weightsVersion')}</th>
                </tr>
              </thead>
              <tbody>
                {data.surveys.map((survey) => (
                  <tr key={survey.id}>
                    <td>{formatDate(survey.surveyDate, i18n.language)}</td>
                    <td>{score(survey.scores.economic)}</td>
                    <td>{score(survey.scores.social)}</td>
                    <td>{score(survey.scores.psychosocial)}</td>
                    <td>{score(survey.scores.composite)}</td>
                    <td>
                      {survey.sustainable === null
                        ? '–'
                        : survey.sustainable
                          ? t('monitoring.yes')
                          : t('monitoring.no')}
                    </td>
                    <td>{survey.weightsVersion}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {data?.policies.record && (
        <>
          <VisitForm caseId={kase.id} onRecorded={changed} />
          <SurveyForm caseId={kase.id} onRecorded={changed} />
        </>
      )}
    </section>
  );
}

function VisitForm({ caseId, onRecorded }: { caseId: string; onRecorded: () => void }) {
  const { t } = useTranslation();
  const [visitDate, setVisitDate] = useState(today());
  const [mode, setMode] = useState('in_person');
  const [notes, setNotes] = useState('');
  const [postError, setPostError] = useState<ApiError | undefined>(undefined);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPostError(undefined);
    try {
      await apiPost(`/cases/${caseId}/monitoring-visits`, {
        visitDate,
        mode,
        ...(notes.trim() ? { notes: notes.trim() } : {}),
      });
      setNotes('');
      onRecorded();
    } catch (caught) {
      setPostError(asApiError(caught));
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <fieldset>
        <legend>{t('monitoring.newVisit')}</legend>
        <div className="field-row">
          <TextField
            id="visit-date"
            type="date"
            label={t('monitoring.visitDate')}
            value={visitDate}
            onChange={setVisitDate}
            errors={fieldErrorsOf(postError).visitDate}
          />
          <div className="field">
            <label htmlFor="visit-mode">{t('monitoring.modeLabel')}</label>
            <select id="visit-mode" value={mode} onChange={(e) => setMode(e.target.value)}>
              <option value="in_person">{t('monitoring.mode.in_person')}</option>
              <option value="phone">{t('monitoring.mode.phone')}</option>
            </select>
          </div>
        </div>
        <div className="field">
          <label htmlFor="visit-notes">{t('monitoring.notes')}</label>
          <textarea id="visit-notes" rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} />
        </div>
        <button type="submit">{t('monitoring.recordVisit')}</button>
        <ErrorMessage error={postError} inlineFields={['visitDate']} />
      </fieldset>
    </form>
  );
}

function SurveyForm({ caseId, onRecorded }: { caseId: string; onRecorded: () => void }) {
  const { t, i18n } = useTranslation();
  const definition = useApi<SurveyDefinition>('/sustainability-survey').data;
  const [surveyDate, setSurveyDate] = useState(today());
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [postError, setPostError] = useState<ApiError | undefined>(undefined);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPostError(undefined);
    try {
      await apiPost(`/cases/${caseId}/sustainability-surveys`, { surveyDate, answers });
      setAnswers({});
      onRecorded();
    } catch (caught) {
      setPostError(asApiError(caught));
    }
  }

  if (!definition) return null;
  return (
    <form onSubmit={submit} noValidate>
      <fieldset>
        <legend>{t('monitoring.newSurvey')}</legend>
        <TextField
          id="survey-date"
          type="date"
          label={t('monitoring.surveyDate')}
          value={surveyDate}
          onChange={setSurveyDate}
        />
        {(['economic', 'social', 'psychosocial'] as const).map((dimension) => (
          <fieldset key={dimension}>
            <legend>{t(`monitoring.dimension.${dimension}`)}</legend>
            <div className="field-row">
              {definition.indicators
                .filter((indicator) => indicator.dimension === dimension)
                .map((indicator) => (
                  <div className="field" key={indicator.id}>
                    <label htmlFor={`survey-${indicator.id}`}>
                      {pickLocalized(indicator.label, i18n.language)}
                    </label>
                    <select
                      id={`survey-${indicator.id}`}
                      value={answers[indicator.id] ?? ''}
                      onChange={(e) => {
                        const { [indicator.id]: _previous, ...rest } = answers;
                        setAnswers(e.target.value ? { ...rest, [indicator.id]: e.target.value } : rest);
                      }}
                    >
                      <option value="">{t('monitoring.notAnswered')}</option>
                      {indicator.options.map((option) => (
                        <option key={option.id} value={option.id}>
                          {pickLocalized(option.label, i18n.language)}
                        </option>
                      ))}
                    </select>
                  </div>
                ))}
            </div>
          </fieldset>
        ))}
        <button type="submit" disabled={Object.keys(answers).length === 0}>
          {t('monitoring.recordSurvey')}
        </button>
        <ErrorMessage error={postError} />
      </fieldset>
    </form>
  );
}
