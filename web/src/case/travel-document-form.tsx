import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, apiPost } from '../api/client.js';
import type { TravelDocumentKind } from '../api/types.js';
import { TRAVEL_DOCUMENT_KINDS } from '../cases/avrr-codes.js';
import { fieldErrorsOf } from '../ui/field-errors.js';
import { ErrorMessage } from '../ui/status-messages.js';
import { TextField } from '../ui/text-field.js';

const INLINE_FIELDS = ['number', 'issuingCountry', 'validUntil'];
const EMPTY = { kind: 'passport' as TravelDocumentKind, number: '', issuingCountry: '', validUntil: '' };

/** Small form to record a person's passport, laissez-passer or ID. */
export function TravelDocumentForm({ personId, onAdded }: { personId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState(EMPTY);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const errors = fieldErrorsOf(error);
  const prefix = `doc-${personId}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await apiPost(`/persons/${personId}/documents`, {
        kind: values.kind,
        number: values.number.trim(),
        issuingCountry: values.issuingCountry.trim().toUpperCase(),
        ...(values.validUntil ? { validUntil: values.validUntil } : {}),
      });
      setValues(EMPTY);
      onAdded();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError({ status: 0, title: String(caught) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="travel-document-form" onSubmit={submit} noValidate>
      <fieldset>
        <legend>{t('travelDocument.add')}</legend>
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${prefix}-kind`}>{t('travelDocument.kind')}</label>
            <select
              id={`${prefix}-kind`}
              value={values.kind}
              onChange={(e) => setValues({ ...values, kind: e.target.value as TravelDocumentKind })}
            >
              {TRAVEL_DOCUMENT_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`travelDocumentKind.${kind}`)}
                </option>
              ))}
            </select>
          </div>
          <TextField
            id={`${prefix}-number`}
            label={t('travelDocument.number')}
            value={values.number}
            onChange={(number) => setValues({ ...values, number })}
            errors={errors.number}
            required
            autoComplete="off"
          />
          <TextField
            id={`${prefix}-issuingCountry`}
            label={t('travelDocument.issuingCountry')}
            hint={t('travelDocument.issuingCountryHint')}
            value={values.issuingCountry}
            onChange={(issuingCountry) => setValues({ ...values, issuingCountry })}
            errors={errors.issuingCountry}
            required
            maxLength={2}
            autoComplete="off"
          />
          <TextField
            id={`${prefix}-validUntil`}
            label={t('travelDocument.validUntil')}
            type="date"
            value={values.validUntil}
            onChange={(validUntil) => setValues({ ...values, validUntil })}
            errors={errors.validUntil}
          />
        </div>
        <button type="submit" disabled={busy}>
          {t('travelDocument.submit')}
        </button>
        <ErrorMessage error={error} inlineFields={INLINE_FIELDS} />
      </fieldset>
    </form>
  );
}
