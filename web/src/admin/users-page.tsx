import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, apiPost } from '../api/client.js';
import { useApi } from '../api/use-api.js';
import { useMe } from '../auth/auth-context.js';
import { ErrorMessage, Loading } from '../ui/status-messages.js';
import { type OfficeOption, ROLES, RoleEditor } from './role-editor.js';

interface UserAccount {
  id: string;
  email: string;
  displayName: string;
  active: boolean;
  passwordSet: boolean;
  roles: { role: string; officeId: string | null }[];
}
export interface PasswordLink {
  url: string;
  expiresAt: string;
}

const asApiError = (caught: unknown) =>
  caught instanceof ApiError ? caught : new ApiError({ status: 0, title: String(caught) });

/** The one-time link, shown once: the administrator passes it on if the e-mail does not arrive. */
export function OneTimeLink({ link, who }: { link: PasswordLink; who: string }) {
  const { t } = useTranslation();
  return (
    <div className="notice" role="status" data-testid="password-link">
      <p>{t('users.linkShownOnce', { name: who, until: link.expiresAt.slice(0, 16).replace('T', ' ') })}</p>
      <input readOnly aria-label={t('users.link')} value={link.url} onFocus={(e) => e.target.select()} />
    </div>
  );
}

/**
 * Users of the mission: add one with a role at an office, edit their roles per office, deactivate,
 * send a new password link.
 */
export function UsersPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { data, error, loading, reload } = useApi<{ items: UserAccount[] }>('/users?status=all');
  // Closed offices too: a role held at one is shown by the office's name.
  const officeList = useApi<{ items: OfficeOption[] }>('/offices?includeInactive=true');
  const allOffices = officeList.data?.items ?? [];
  const offices = allOffices.filter((office) => office.active);
  const [editing, setEditing] = useState<UserAccount | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [form, setForm] = useState({ email: '', displayName: '', role: 'counsellor', officeId: '' });
  const [link, setLink] = useState<{ link: PasswordLink; who: string } | null>(null);
  const [actionError, setActionError] = useState<ApiError | undefined>(undefined);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setActionError(undefined);
    try {
      const created = await apiPost<{ user: UserAccount; passwordLink: PasswordLink }>('/users', {
        email: form.email,
        displayName: form.displayName,
        roles: [{ role: form.role, officeId: form.officeId || null }],
      });
      setLink({ link: created.passwordLink, who: created.user.displayName });
      setForm({ ...form, email: '', displayName: '' });
      reload();
    } catch (caught) {
      setActionError(asApiError(caught));
    }
  }

  async function act(user: UserAccount, action: 'deactivate' | 'reactivate' | 'password-link') {
    setActionError(undefined);
    setSaved(null);
    try {
      const result = await apiPost<{ passwordLink?: PasswordLink }>(`/users/${user.id}/${action}`);
      if (result.passwordLink) setLink({ link: result.passwordLink, who: user.displayName });
      reload();
    } catch (caught) {
      setActionError(asApiError(caught));
    }
  }

  const officeName = (id: string | null) => {
    if (id === null) return t('users.wholeMission');
    const office = allOffices.find((o) => o.id === id);
    if (!office) return id;
    return office.active ? office.name : t('users.closedOffice', { name: office.name });
  };
  return (
    <section aria-labelledby="users-heading">
      <h2 id="users-heading">{t('users.title')}</h2>
      <ErrorMessage error={error ?? actionError} />
      {link && <OneTimeLink link={link.link} who={link.who} />}
      {saved && <p role="status">{t('users.rolesSaved', { name: saved })}</p>}
      {loading && !data && <Loading />}
      <table>
        <thead>
          <tr>
            <th>{t('users.name')}</th>
            <th>{t('users.email')}</th>
            <th>{t('users.roles')}</th>
            <th>{t('users.status')}</th>
            <th>
              <span className="visually-hidden">{t('users.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {data?.items.map((user) => (
            <tr key={user.id} data-testid="user-row">
              <td>{user.displayName}</td>
              <td>{user.email}</td>
              <td>
                {user.roles
                  .map((grant) => `${t(`users.roleNames.${grant.role}`)} (${officeName(grant.officeId)})`)
                  .join(', ')}
              </td>
              <td>
                {!user.active
                  ? t('users.inactive')
                  : user.passwordSet
                    ? t('users.active')
                    : t('users.invited')}
              </td>
              <td>
                {user.id !== me.id && (
                  <>
                    {user.active && (
                      <button
                        type="button"
                        onClick={() => {
                          setSaved(null);
                          setEditing(user);
                        }}
                      >
                        {t('users.editRoles')}
                        <span className="visually-hidden">{`: ${user.displayName}`}</span>
                      </button>
                    )}{' '}
                    {user.active && (
                      <button type="button" onClick={() => act(user, 'password-link')}>
                        {t('users.newLink')}
                      </button>
                    )}{' '}
                    <button
                      type="button"
                      onClick={() => act(user, user.active ? 'deactivate' : 'reactivate')}
                    >
                      {user.active ? t('users.deactivate') : t('users.reactivate')}
                    </button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing && (
        <RoleEditor
          key={editing.id}
          user={editing}
          offices={allOffices}
          onCancel={() => setEditing(null)}
          onSaved={() => {
            setSaved(editing.displayName);
            setEditing(null);
            reload();
          }}
        />
      )}
      <form onSubmit={submit} aria-labelledby="new-user-heading">
        <h3 id="new-user-heading">{t('users.add')}</h3>
        <div className="field">
          <label htmlFor="user-name">{t('users.name')}</label>
          <input
            id="user-name"
            required
            value={form.displayName}
            onChange={(e) => setForm({ ...form, displayName: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="user-email">{t('users.email')}</label>
          <input
            id="user-email"
            type="email"
            required
            value={form.email}
            onChange={(e) => setForm({ ...form, email: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="user-role">{t('users.role')}</label>
          <select
            id="user-role"
            value={form.role}
            onChange={(e) => setForm({ ...form, role: e.target.value })}
          >
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`users.roleNames.${role}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="user-office">{t('users.office')}</label>
          <select
            id="user-office"
            value={form.officeId}
            onChange={(e) => setForm({ ...form, officeId: e.target.value })}
          >
            <option value="">{t('users.wholeMission')}</option>
            {offices.map((office) => (
              <option key={office.id} value={office.id}>
                {office.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('users.save')}</button>
      </form>
    </section>
  );
}
