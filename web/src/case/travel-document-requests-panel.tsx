import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, apiPost } from '../api/client.js';
import { useApi } from '../api/use-api.js';
import {
  type Embassy,
  embassyName,
  OPEN_REQUEST_STATUSES,
  type TravelDocumentRequest,
} from '../travel-documents/types.js';
import { fieldErrorsOf } from '../ui/field-errors.js';
import { formatDate } from '../ui/format.js';
import { ErrorMessage, Loading } from '../ui/status-messages.js';
import { TextField } from '../ui/text-field.js';
import type { CasePanelProps } from './case-context.js';

const today = () => new Date().toISOString().slice(0, 10);

/** Travel documents asked of embassies for the people of the case, and the embassies' answers. */
export function TravelDocumentRequestsPanel({ kase, onActivity }: CasePanelProps) {
  const { t } = useTranslation();
  const { data, error, loading, reload } = useApi<{ items: TravelDocumentRequest[] }>(
    `/cases/${kase.id}/travel-document-requests`,
  );
  const embassies = useApi<{ items: Embassy[] }>('/embassies');
  const [values, setValues] = useState({
    personId: kase.persons[0]?.id ?? '',
    embassyId: '',
    requestedOn: today(),
  });
  const [postError, setPostError] = useState<ApiError | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const errors = fieldErrorsOf(postError);
  const requests = data?.items ?? [];

  const changed = () => {
    reload();
    onActivity();
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setPostError(undefined);
    try {
      await apiPost(`/cases/${kase.id}/travel-document-requests`, values);
      changed();
    } catch (caught) {
      setPostError(caught instanceof ApiError ? caught : new ApiError({ status: 0, title: String(caught) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section
      className="panel"
      aria-labelledby="travel-requests-heading"
      data-testid="travel-document-requests"
    >
      <h2 id="travel-requests-heading">{t('travelRequests.title')}</h2>
      {loading && !data && <Loading />}
      <ErrorMessage error={error} />
      {data && requests.length === 0 && <p className="muted">{t('travelRequests.none')}</p>}
      {requests.length > 0 && (
        <ul>
          {requests.map((request) => (
            <RequestItem
              key={request.id}
              request={request}
              canAct={kase.policies.update}
              onChanged={changed}
            />
          ))}
        </ul>
      )}
      {kase.policies.update && (
        <form onSubmit={submit} noValidate>
          <fieldset>
            <legend>{t('travelRequests.new')}</legend>
            <div className="field-row">
              <div className="field">
                <label htmlFor="travel-request-person">{t('travelRequests.person')}</label>
                <select
                  id="travel-request-person"
                  value={values.personId}
                  onChange={(e) => setValues({ ...values, personId: e.target.value })}
                >
                  {kase.persons.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.givenName} {p.familyName}
                    </option>
                  ))}
                </select>
              </div>
              <div className={errors.embassyId ? 'field has-error' : 'field'}>
                <label htmlFor="travel-request-embassy">{t('travelRequests.embassy')}</label>
                <select
                  id="travel-request-embassy"
                  value={values.embassyId}
                  onChange={(e) => setValues({ ...values, embassyId: e.target.value })}
                  required
                >
                  <option value="">{t('common.choose')}</option>
                  {(embassies.data?.items ?? []).map((embassy) => (
                    <option key={embassy.id} value={embassy.id}>
                      {embassyName(embassy, t)}
                    </option>
                  ))}
                </select>
              </div>
              <TextField
                id="travel-request-requestedOn"
                label={t('travelRequests.requestedOn')}
                type="date"
                value={values.requestedOn}
                onChange={(requestedOn) => setValues({ ...values, requestedOn })}
                errors={errors.requestedOn}
              />
            </div>
            <button type="submit" disabled={busy || !values.embassyId || !values.personId}>
              {t('travelRequests.add')}
            </button>
            <ErrorMessage error={postError} inlineFields={['requestedOn']} />
          </fieldset>
        </form>
      )}
    </section>
  );
}

type Answer = 'interview_scheduled' | 'issued' | 'refused' | 'cancelled';

function RequestItem({
  request,
  canAct,
  onChanged,
}: {
  request: TravelDocumentRequest;
  canAct: boolean;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [answer, setAnswer] = useState<Answer | ''>('');
  const [values, setValues] = useState({
    interviewOn: '',
    documentKind: 'laissez_passer',
    documentNumber: '',
    validUntil: '',
    reason: '',
  });
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const errors = fieldErrorsOf(error);
  const open = OPEN_REQUEST_STATUSES.includes(request.status);
  const prefix = `request-${request.id}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!answer) return;
    setBusy(true);
    setError(undefined);
    const body =
      answer === 'interview_scheduled'
        ? { status: answer, interviewOn: values.interviewOn }
        : answer === 'issued'
          ? {
              status: answer,
              documentKind: values.documentKind,
              documentNumber: values.documentNumber.trim(),
              validUntil: values.validUntil,
            }
          : { status: answer, ...(values.reason.trim() ? { reason: values.reason.trim() } : {}) };
    try {
      await apiPost(`/travel-document-requests/${request.id}/status`, { ...body, version: request.version });
      setAnswer('');
      onChanged();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError({ status: 0, title: String(caught) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <li data-testid="travel-document-request">
      <strong>
        {request.person.givenName} {request.person.familyName}
      </strong>{' '}
      — {embassyName(request.embassy, t)} · {t(`travelRequests.statuses.${request.status}`)}
      {request.overdue && (
        <strong className="overdue"> · {t('travelRequests.overdue', { days: request.daysWaiting })}</strong>
      )}
      <br />
      <span className="muted">
        {t('travelRequests.requestedOnLine', { date: formatDate(request.requestedOn, i18n.language) })}
        {request.interviewOn &&
          ` · ${t('travelRequests.interviewLine', { date: formatDate(request.interviewOn, i18n.language) })}`}
        {request.documentNumber &&
          ` · ${t(`travelDocumentKind.${request.documentKind}`)} ${request.documentNumber} (${formatDate(request.validUntil, i18n.language)})`}
        {request.reason && ` · ${request.reason}`}
      </span>
      {open && canAct && (
        <form className="inline-form" onSubmit={submit} noValidate>
          <div className="field-row">
            <div className="field">
              <label htmlFor={`${prefix}-answer`}>{t('travelRequests.answer')}</label>
              <select
                id={`${prefix}-answer`}
                value={answer}
                onChange={(e) => setAnswer(e.target.value as Answer)}
              >
                <option value="">{t('common.choose')}</option>
                {(['interview_scheduled', 'issued', 'refused', 'cancelled'] as const).map((a) => (
                  <option key={a} value={a}>
                    {t(`travelRequests.statuses.${a}`)}
                  </option>
                ))}
              </select>
            </div>
            {answer === 'interview_scheduled' && (
              <TextField
                id={`${prefix}-interviewOn`}
                label={t('travelRequests.interviewOn')}
                type="date"
                value={values.interviewOn}
                onChange={(interviewOn) => setValues({ ...values, interviewOn })}
                errors={errors.interviewOn}
              />
            )}
            {answer === 'issued' && (
              <>
                <div className="field">
                  <label htmlFor={`${prefix}-kind`}>{t('travelRequests.documentKind')}</label>
                  <select
                    id={`${prefix}-kind`}
                    value={values.documentKind}
                    onChange={(e) => setValues({ ...values, documentKind: e.target.value })}
                  >
                    <option value="laissez_passer">{t('travelDocumentKind.laissez_passer')}</option>
                    <option value="passport">{t('travelDocumentKind.passport')}</option>
                  </select>
                </div>
                <TextField
                  id={`${prefix}-number`}
                  label={t('travelRequests.documentNumber')}
                  value={values.documentNumber}
                  onChange={(documentNumber) => setValues({ ...values, documentNumber })}
                  errors={errors.documentNumber}
                />
                <TextField
                  id={`${prefix}-validUntil`}
                  label={t('travelRequests.validUntil')}
                  type="date"
                  value={values.validUntil}
                  onChange={(validUntil) => setValues({ ...values, validUntil })}
                  errors={errors.validUntil}
                />
              </>
            )}
            {(answer === 'refused' || answer === 'cancelled') && (
              <TextField
                id={`${prefix}-reason`}
                label={t('travelRequests.reason')}
                value={values.reason}
                onChange={(reason) => setValues({ ...values, reason })}
                errors={errors.reason}
              />
            )}
          </div>
          <button type="submit" disabled={busy || !answer}>
            {t('travelRequests.saveAnswer')}
          </button>
          <ErrorMessage
            error={error}
            inlineFields={['interviewOn', 'documentNumber', 'validUntil', 'reason']}
          />
        </form>
      )}
    </li>
  );
}
