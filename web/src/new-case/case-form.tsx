import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOffices, useReferralSources, useUsers } from '../api/reference-data.js';
import { useMe } from '../auth/auth-context.js';
import { VULNERABILITIES } from '../cases/avrr-codes.js';
import { FieldError } from '../ui/status-messages.js';
import { TextField } from '../ui/text-field.js';

/** What the case form collects, besides the persons. */
export interface CaseFormValues {
  officeId: string;
  referralSource: string;
  vulnerabilities: string[];
  assigneeId: string;
  fundingProject: string;
}

interface Props {
  onSubmit: (values: CaseFormValues) => void;
  fieldErrors: Record<string, string[]>;
  busy: boolean;
}

/** Office, referral source, vulnerabilities, assignee and funding project of the new case. */
export function CaseForm({ onSubmit, fieldErrors, busy }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  const { offices } = useOffices();
  const { users } = useUsers();
  const { sources } = useReferralSources();
  const [values, setValues] = useState<CaseFormValues>({
    officeId: '',
    referralSource: '',
    vulnerabilities: [],
    assigneeId: me.id,
    fundingProject: '',
  });

  // Default to the counsellor's own office once the offices are known.
  useEffect(() => {
    if (offices.length === 0) return;
    setValues((v) => {
      if (v.officeId) return v;
      const own = offices.find((o) => me.roles.some((r) => r.officeId === o.id));
      return { ...v, officeId: (own ?? offices[0])?.id ?? '' };
    });
  }, [offices, me.roles]);

  function toggleVulnerability(code: string, checked: boolean) {
    setValues((v) => ({
      ...v,
      vulnerabilities: checked ? [...v.vulnerabilities, code] : v.vulnerabilities.filter((c) => c !== code),
    }));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit(values);
  }

  return (
    <form onSubmit={submit} className="case-form" data-testid="case-form" noValidate>
      <div className="field-row">
        <div className={fieldErrors.officeId ? 'field has-error' : 'field'}>
          <label htmlFor="case-office">{t('case.office')}</label>
          <select
            id="case-office"
            required
            value={values.officeId}
            onChange={(e) => setValues({ ...values, officeId: e.target.value })}
            aria-describedby={fieldErrors.officeId ? 'case-office-error' : undefined}
          >
            <option value="">{t('common.choose')}</option>
            {offices.map((office) => (
              <option key={office.id} value={office.id}>
                {office.name}
              </option>
            ))}
          </select>
          <FieldError id="case-office-error" messages={fieldErrors.officeId} />
        </div>
        <div className={fieldErrors.referralSource ? 'field has-error' : 'field'}>
          <label htmlFor="case-referral">{t('case.referralSource')}</label>
          <select
            id="case-referral"
            required
            value={values.referralSource}
            onChange={(e) => setValues({ ...values, referralSource: e.target.value })}
            aria-describedby={fieldErrors.referralSource ? 'case-referral-error' : undefined}
          >
            <option value="">{t('common.choose')}</option>
            {sources.map((source) => (
              <option key={source.code} value={source.code}>
                {source.label}
              </option>
            ))}
          </select>
          <FieldError id="case-referral-error" messages={fieldErrors.referralSource} />
        </div>
        <div className={fieldErrors.assigneeId ? 'field has-error' : 'field'}>
          <label htmlFor="case-assignee">{t('case.assignee')}</label>
          <select
            id="case-assignee"
            value={values.assigneeId}
            onChange={(e) => setValues({ ...values, assigneeId: e.target.value })}
            aria-describedby={fieldErrors.assigneeId ? 'case-assignee-error' : undefined}
          >
            <option value="">{t('case.unassigned')}</option>
            {!users.some((u) => u.id === me.id) && <option value={me.id}>{me.displayName}</option>}
            {users.map((user) => (
              <option key={user.id} value={user.id}>
                {user.displayName}
              </option>
            ))}
          </select>
          <FieldError id="case-assignee-error" messages={fieldErrors.assigneeId} />
        </div>
      </div>
      <fieldset aria-describedby={fieldErrors.vulnerabilities ? 'case-vulnerabilities-error' : undefined}>
        <legend>{t('case.vulnerabilities')}</legend>
        <div className="checkbox-group">
          {VULNERABILITIES.map((code) => (
            <div className="checkbox" key={code}>
              <input
                id={`case-vulnerability-${code}`}
                type="checkbox"
                checked={values.vulnerabilities.includes(code)}
                onChange={(e) => toggleVulnerability(code, e.target.checked)}
              />
              <label htmlFor={`case-vulnerability-${code}`}>{t(`vulnerability.${code}`)}</label>
            </div>
          ))}
        </div>
        <FieldError id="case-vulnerabilities-error" messages={fieldErrors.vulnerabilities} />
      </fieldset>
      <TextField
        id="case-fundingProject"
        label={t('case.fundingProject')}
        value={values.fundingProject}
        onChange={(fundingProject) => setValues({ ...values, fundingProject })}
        errors={fieldErrors.fundingProject}
        autoComplete="off"
      />
      <button type="submit" className="primary" disabled={busy}>
        {t('newCase.openCase')}
      </button>
    </form>
  );
}
