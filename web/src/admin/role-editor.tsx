import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, apiPatch } from '../api/client.js';
import { ErrorMessage } from '../ui/status-messages.js';

/** The roles the API knows, in the order the pickers list them. */
export const ROLES = [
  'counsellor',
  'vulnerable_cases_officer',
  'movements_officer',
  'reintegration_officer',
  'resettlement_officer',
  'diplomatic_liaison',
  'manager',
  'admin',
] as const;

export interface RoleGrant {
  role: string;
  officeId: string | null;
}

export interface OfficeOption {
  id: string;
  name: string;
  active: boolean;
}

const asApiError = (caught: unknown) =>
  caught instanceof ApiError ? caught : new ApiError({ status: 0, title: String(caught) });

/**
 * Edits one user's roles, each at an office or across the whole mission, and saves them as the full
 * set (`PATCH /users/:id`). Closed offices are offered only for a role the user already holds there:
 * it can be kept or removed, never given anew.
 */
export function RoleEditor({
  user,
  offices,
  onSaved,
  onCancel,
}: {
  user: { id: string; displayName: string; roles: RoleGrant[] };
  offices: readonly OfficeOption[];
  onSaved: (roles: RoleGrant[]) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<RoleGrant[]>(user.roles.map((grant) => ({ ...grant })));
  const [error, setError] = useState<ApiError | undefined>(undefined);

  const change = (index: number, patch: Partial<RoleGrant>) =>
    setRows(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  async function save(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    try {
      const result = await apiPatch<{ user: { roles: RoleGrant[] } }>(`/users/${user.id}`, { roles: rows });
      onSaved(result.user.roles);
    } catch (caught) {
      setError(asApiError(caught));
    }
  }

  const officeChoices = (current: string | null) =>
    offices.filter((office) => office.active || office.id === current);

  return (
    <form onSubmit={save} aria-labelledby="role-editor-heading" data-testid="role-editor">
      <h3 id="role-editor-heading">{t('users.rolesOf', { name: user.displayName })}</h3>
      <p className="hint">{t('users.rolesHelp')}</p>
      <ErrorMessage error={error} />
      <ul className="role-rows">
        {rows.map((row, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until saved
          <li key={index} data-testid="role-row">
            <label htmlFor={`grant-role-${index}`} className="visually-hidden">
              {`${t('users.role')} ${index + 1}`}
            </label>
            <select
              id={`grant-role-${index}`}
              value={row.role}
              onChange={(e) => change(index, { role: e.target.value })}
            >
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {t(`users.roleNames.${role}`)}
                </option>
              ))}
            </select>{' '}
            <label htmlFor={`grant-office-${index}`} className="visually-hidden">
              {`${t('users.office')} ${index + 1}`}
            </label>
            <select
              id={`grant-office-${index}`}
              value={row.officeId ?? ''}
              onChange={(e) => change(index, { officeId: e.target.value || null })}
            >
              <option value="">{t('users.wholeMission')}</option>
              {officeChoices(row.officeId).map((office) => (
                <option key={office.id} value={office.id}>
                  {office.active ? office.name : t('users.closedOffice', { name: office.name })}
                </option>
              ))}
            </select>{' '}
            <button type="button" onClick={() => setRows(rows.filter((_, i) => i !== index))}>
              {t('users.removeRole')}
              <span className="visually-hidden">{` ${index + 1}`}</span>
            </button>
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => setRows([...rows, { role: 'counsellor', officeId: null }])}>
        {t('users.addRole')}
      </button>{' '}
      <button type="submit">{t('users.saveRoles')}</button>{' '}
      <button type="button" onClick={onCancel}>
        {t('users.cancel')}
      </button>
    </form>
  );
}
