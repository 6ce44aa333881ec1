import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, apiPost } from '../api/client.js';
import type { Consent, ConsentMethod, ConsentPurpose } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { formatDate } from '../ui/format.js';
import { ErrorMessage, Loading } from '../ui/status-messages.js';

const PURPOSES: readonly ConsentPurpose[] = ['return_assistance', 'partner_sharing', 'sms_contact'];
const METHODS: readonly ConsentMethod[] = ['written', 'verbal', 'guardian'];

const today = () => new Date().toISOString().slice(0, 10);
const asApiError = (caught: unknown) =>
  caught instanceof ApiError ? caught : new ApiError({ status: 0, title: String(caught) });

/**
 * A person's consents, per purpose: when and how each was given and whether it was withdrawn, with a
 * form to record one and a button to withdraw a standing one. Shown only to those who keep the
 * person's consents (the API answers 403 to the others, and the section then stays away).
 */
export function ConsentsSection({ personId, personName }: { personId: string; personName: string }) {
  const { t, i18n } = useTranslation();
  const consents = useApi<{ items: Consent[] }>(`/persons/${personId}/consents`);
  // Partners are listed for counsellors, managers and administrators; others record no sharing consent.
  const partners = useApi<{ items: { id: string; name: string; active: boolean }[] }>('/partners');
  const [actionError, setActionError] = useState<ApiError | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  if (consents.error?.status === 403) return null;
  const partnerName = (id: string | null) =>
    partners.data?.items.find((partner) => partner.id === id)?.name ?? t('consent.unknownPartner');
  const items = consents.data?.items ?? [];
  const headingId = `consents-${personId}-heading`;

  async function withdraw(consent: Consent) {
    setBusy(true);
    setActionError(undefined);
    try {
      await apiPost(`/persons/${personId}/consents/${consent.id}/withdraw`, {});
      consents.reload();
    } catch (caught) {
      setActionError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby={headingId} data-testid="consents">
      <h4 id={headingId}>{t('consent.title')}</h4>
      {consents.loading && !consents.data && <Loading />}
      <ErrorMessage error={consents.error} />
      {consents.data && (
        <table className="compact" data-testid="consent-table">
          <thead>
            <tr>
              <th scope="col">{t('consent.purposeLabel')}</th>
              <th scope="col">{t('consent.given')}</th>
              <th scope="col">{t('consent.howLabel')}</th>
              <th scope="col">{t('consent.state')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('consent.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {PURPOSES.flatMap((purpose) => {
              const given = items.filter((consent) => consent.purpose === purpose);
              if (given.length === 0) {
                return [
                  <tr key={purpose} data-testid="consent-row" data-purpose={purpose}>
                    <th scope="row">{t(`consent.purpose.${purpose}`)}</th>
                    <td colSpan={4} className="muted">
                      {t('consent.notRecorded')}
                    </td>
                  </tr>,
                ];
              }
              return given.map((consent) => (
                <tr key={consent.id} data-testid="consent-row" data-purpose={purpose}>
                  <th scope="row">
                    {t(`consent.purpose.${purpose}`)}
                    {consent.partnerId && ` — ${partnerName(consent.partnerId)}`}
                  </th>
                  <td>{formatDate(consent.givenOn, i18n.language)}</td>
                  <td>{t(`consent.how.${consent.how}`)}</td>
                  <td data-testid="consent-state">
                    {consent.active
                      ? t('consent.active')
                      : t('consent.withdrawnOn', { date: formatDate(consent.withdrawnOn, i18n.language) })}
                  </td>
                  <td>
                    {consent.active && (
                      <button
                        type="button"
                        disabled={busy}
                        onClick={() => withdraw(consent)}
                        aria-label={t('consent.withdrawFor', {
                          purpose: t(`consent.purpose.${purpose}`),
                          name: personName,
                        })}
                      >
                        {t('consent.withdraw')}
                      </button>
                    )}
                  </td>
                </tr>
              ));
            })}
          </tbody>
        </table>
      )}
      <ErrorMessage error={actionError} />
      {consents.data && (
        <ConsentForm
          personId={personId}
          partners={(partners.data?.items ?? []).filter((partner) => partner.active)}
          onRecorded={consents.reload}
        />
      )}
    </section>
  );
}

interface ConsentFormProps {
  personId: string;
  partners: { id: string; name: string }[];
  onRecorded: () => void;
}

function ConsentForm({ personId, partners, onRecorded }: ConsentFormProps) {
  const { t } = useTranslation();
  const empty = {
    purpose: 'return_assistance' as ConsentPurpose,
    partnerId: '',
    givenOn: today(),
    how: 'written' as ConsentMethod,
  };
  const [values, setValues] = useState(empty);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const prefix = `consent-${personId}`;
  const purposes = PURPOSES.filter((purpose) => purpose !== 'partner_sharing' || partners.length > 0);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await apiPost(`/persons/${personId}/consents`, {
        purpose: values.purpose,
        ...(values.purpose === 'partner_sharing' ? { partnerId: values.partnerId } : {}),
        givenOn: values.givenOn,
        how: values.how,
      });
      setValues(empty);
      onRecorded();
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  }

  const sharing = values.purpose === 'partner_sharing';
  return (
    <form className="consent-form" onSubmit={submit} noValidate>
      <fieldset>
        <legend>{t('consent.record')}</legend>
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${prefix}-purpose`}>{t('consent.purposeLabel')}</label>
            <select
              id={`${prefix}-purpose`}
              value={values.purpose}
              onChange={(e) =>
                setValues({
                  ...values,
                  purpose: e.target.value as ConsentPurpose,
                  partnerId: e.target.value === 'partner_sharing' ? (partners[0]?.id ?? '') : '',
                })
              }
            >
              {purposes.map((purpose) => (
                <option key={purpose} value={purpose}>
                  {t(`consent.purpose.${purpose}`)}
                </option>
              ))}
            </select>
          </div>
          {sharing && (
            <div className="field">
              <label htmlFor={`${prefix}-partner`}>{t('consent.partner')}</label>
              <select
                id={`${prefix}-partner`}
                value={values.partnerId}
                onChange={(e) => setValues({ ...values, partnerId: e.target.value })}
              >
                {partners.map((partner) => (
                  <option key={partner.id} value={partner.id}>
                    {partner.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="field">
            <label htmlFor={`${prefix}-given`}>{t('consent.givenOn')}</label>
            <input
              id={`${prefix}-given`}
              type="date"
              max={today()}
              value={values.givenOn}
              onChange={(e) => setValues({ ...values, givenOn: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${prefix}-how`}>{t('consent.howLabel')}</label>
            <select
              id={`${prefix}-how`}
              value={values.how}
              onChange={(e) => setValues({ ...values, how: e.target.value as ConsentMethod })}
            >
              {METHODS.map((how) => (
                <option key={how} value={how}>
                  {t(`consent.how.${how}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <button type="submit" disabled={busy || !values.givenOn || (sharing && !values.partnerId)}>
          {t('consent.submit')}
        </button>
        <ErrorMessage error={error} />
      </fieldset>
    </form>
  );
}
