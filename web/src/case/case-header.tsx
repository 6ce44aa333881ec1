import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.js';
import { useUsers } from '../api/reference-data.js';
import { pickLocalized } from '../i18n/localized.js';
import { formatDateTime } from '../ui/format.js';
import { ErrorMessage } from '../ui/status-messages.js';
import { BreakGlassForm } from './break-glass-form.js';
import type { CaseMutationProps } from './case-context.js';

/** Reference, status badge and the case's key facts, with the assignee picker. */
export function CaseHeader({ kase, patchCase, onConflict }: CaseMutationProps) {
  const { t, i18n } = useTranslation();
  return (
    <header className="case-header">
      <div className="case-title">
        <h1 id="case-heading" data-testid="case-reference">
          {kase.reference}
        </h1>
        <span className={`status-badge status-${kase.status}`} data-testid="case-status">
          {pickLocalized(kase.statusLabel, i18n.language)}
        </span>
      </div>
      <dl className="facts">
        <div>
          <dt>{t('case.programme')}</dt>
          <dd>{t(`programme.${kase.programme}`, { defaultValue: kase.programme })}</dd>
        </div>
        <div>
          <dt>{t('case.office')}</dt>
          <dd>{kase.office.name}</dd>
        </div>
        <div>
          <dt>{t('case.assignee')}</dt>
          <dd data-testid="case-assignee">{kase.assignee?.displayName ?? t('case.unassigned')}</dd>
        </div>
        <div>
          <dt>{t('case.referralSource')}</dt>
          <dd>{kase.referralSource}</dd>
        </div>
        <div>
          <dt>{t('case.fundingProject')}</dt>
          <dd>{kase.fundingProject || t('common.none')}</dd>
        </div>
        <div>
          <dt>{t('case.vulnerabilities')}</dt>
          <dd>
            {kase.vulnerabilities.length > 0
              ? kase.vulnerabilities.map((v) => t(`vulnerability.${v}`)).join(', ')
              : t('common.none')}
          </dd>
        </div>
        <div>
          <dt>{t('case.createdAt')}</dt>
          <dd>{formatDateTime(kase.createdAt, i18n.language)}</dd>
        </div>
        <div>
          <dt>{t('case.updatedAt')}</dt>
          <dd>{formatDateTime(kase.updatedAt, i18n.language)}</dd>
        </div>
      </dl>
      {kase.policies.breakGlass && <BreakGlassForm caseId={kase.id} />}
      {kase.policies.update && (
        <AssigneeForm
          key={kase.assignee?.id ?? ''}
          currentId={kase.assignee?.id ?? ''}
          patchCase={patchCase}
          onConflict={onConflict}
        />
      )}
    </header>
  );
}

interface AssigneeFormProps {
  currentId: string;
  patchCase: CaseMutationProps['patchCase'];
  onConflict: CaseMutationProps['onConflict'];
}

function AssigneeForm({ currentId, patchCase, onConflict }: AssigneeFormProps) {
  const { t } = useTranslation();
  const { users } = useUsers();
  const [assigneeId, setAssigneeId] = useState(currentId);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await patchCase({ assigneeId: assigneeId || null });
    } catch (caught) {
      const apiError =
        caught instanceof ApiError ? caught : new ApiError({ status: 0, title: String(caught) });
      if (!onConflict(apiError)) setError(apiError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="inline-form" onSubmit={submit}>
      <div className="field">
        <label htmlFor="case-change-assignee">{t('case.changeAssigneeLabel')}</label>
        <select id="case-change-assignee" value={assigneeId} onChange={(e) => setAssigneeId(e.target.value)}>
          <option value="">{t('case.unassigned')}</option>
          {users.map((user) => (
            <option key={user.id} value={user.id}>
              {user.displayName}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" disabled={busy || assigneeId === currentId}>
        {t('case.changeAssignee')}
      </button>
      <ErrorMessage error={error} />
    </form>
  );
}
