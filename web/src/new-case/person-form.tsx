import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DATE_PRECISIONS, SEXES } from '../cases/avrr-codes.js';
import { FieldError } from '../ui/status-messages.js';
import { TextField } from '../ui/text-field.js';
import type { PersonFormValues } from './person-input.js';

interface Props {
  values: PersonFormValues;
  onChange: (values: PersonFormValues) => void;
  onSubmit: () => void;
  fieldErrors: Record<string, string[]>;
  busy: boolean;
}

/** Registration form for a new person; field errors from the API show next to their inputs. */
export function PersonForm({ values, onChange, onSubmit, fieldErrors, busy }: Props) {
  const { t } = useTranslation();
  const set =
    <K extends keyof PersonFormValues>(key: K) =>
    (value: PersonFormValues[K]) =>
      onChange({ ...values, [key]: value });

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit();
  }

  return (
    <form onSubmit={submit} className="person-form" data-testid="person-form" noValidate>
      <fieldset>
        <legend>{t('person.names')}</legend>
        <div className="field-row">
          <TextField
            id="person-givenName"
            label={t('person.givenName')}
            value={values.givenName}
            onChange={set('givenName')}
            errors={fieldErrors.givenName}
            required
            autoComplete="off"
          />
          <TextField
            id="person-familyName"
            label={t('person.familyName')}
            value={values.familyName}
            onChange={set('familyName')}
            errors={fieldErrors.familyName}
            required
            autoComplete="off"
          />
        </div>
        <div className="field-row">
          <TextField
            id="person-givenNameNative"
            label={t('person.givenNameNative')}
            value={values.givenNameNative}
            onChange={set('givenNameNative')}
            errors={fieldErrors.givenNameNative}
            dir="auto"
            autoComplete="off"
          />
          <TextField
            id="person-familyNameNative"
            label={t('person.familyNameNative')}
            value={values.familyNameNative}
            onChange={set('familyNameNative')}
            errors={fieldErrors.familyNameNative}
            dir="auto"
            autoComplete="off"
          />
        </div>
        <TextField
          id="person-aliases"
          label={t('person.aliases')}
          hint={t('person.aliasesHint')}
          value={values.aliases}
          onChange={set('aliases')}
          errors={fieldErrors.aliases}
          autoComplete="off"
        />
      </fieldset>
      <fieldset>
        <legend>{t('person.identity')}</legend>
        <div className="field-row">
          <div className={fieldErrors.sex ? 'field has-error' : 'field'}>
            <label htmlFor="person-sex">{t('person.sex')}</label>
            <select
              id="person-sex"
              value={values.sex}
              onChange={(e) => set('sex')(e.target.value as PersonFormValues['sex'])}
              aria-describedby={fieldErrors.sex ? 'person-sex-error' : undefined}
            >
              {SEXES.map((sex) => (
                <option key={sex} value={sex}>
                  {t(`sex.${sex}`)}
                </option>
              ))}
            </select>
            <FieldError id="person-sex-error" messages={fieldErrors.sex} />
          </div>
          <TextField
            id="person-dateOfBirth"
            label={t('person.dateOfBirth')}
            type="date"
            value={values.dateOfBirth}
            onChange={set('dateOfBirth')}
            errors={fieldErrors.dateOfBirth}
          />
          <div className={fieldErrors.dateOfBirthPrecision ? 'field has-error' : 'field'}>
            <label htmlFor="person-dateOfBirthPrecision">{t('person.dateOfBirthPrecision')}</label>
            <select
              id="person-dateOfBirthPrecision"
              value={values.dateOfBirthPrecision}
              onChange={(e) =>
                set('dateOfBirthPrecision')(e.target.value as PersonFormValues['dateOfBirthPrecision'])
              }
              aria-describedby={
                fieldErrors.dateOfBirthPrecision ? 'person-dateOfBirthPrecision-error' : undefined
              }
            >
              {DATE_PRECISIONS.map((precision) => (
                <option key={precision} value={precision}>
                  {t(`datePrecision.${precision}`)}
                </option>
              ))}
            </select>
            <FieldError id="person-dateOfBirthPrecision-error" messages={fieldErrors.dateOfBirthPrecision} />
          </div>
        </div>
        <div className="field-row">
          <TextField
            id="person-nationalities"
            label={t('person.nationalities')}
            hint={t('person.nationalitiesHint')}
            value={values.nationalities}
            onChange={set('nationalities')}
            errors={fieldErrors.nationalities}
            autoComplete="off"
          />
          <TextField
            id="person-languages"
            label={t('person.languages')}
            hint={t('person.languagesHint')}
            value={values.languages}
            onChange={set('languages')}
            errors={fieldErrors.languages}
            autoComplete="off"
          />
        </div>
        <div className="field-row">
          <TextField
            id="person-phone"
            label={t('person.phone')}
            hint={t('person.phoneHint')}
            type="tel"
            dir="ltr"
            value={values.phone}
            onChange={set('phone')}
            errors={fieldErrors.phone}
            autoComplete="off"
          />
          <TextField
            id="person-preferredLanguage"
            label={t('person.preferredLanguage')}
            hint={t('person.preferredLanguageHint')}
            value={values.preferredLanguage}
            onChange={set('preferredLanguage')}
            errors={fieldErrors.preferredLanguage}
            autoComplete="off"
          />
        </div>
      </fieldset>
      <button type="submit" className="primary" disabled={busy}>
        {t('newCase.checkAndRegister')}
      </button>
    </form>
  );
}
