import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, apiPost } from '../api/client.js';
import { useApi } from '../api/use-api.js';
import { ErrorMessage, Loading } from '../ui/status-messages.js';
import { OfficeKindField } from './offices-page.js';
import { OneTimeLink, type PasswordLink } from './users-page.js';

interface MissionSummary {
  id: string;
  code: string;
  name: string;
  country: string;
  timeZone: string;
  currency: string;
  languages: string[];
  createdAt: string;
  openOffices: number;
  activeUsers: number;
}

interface CreatedMission {
  missionId: string;
  code: string;
  administrator: { user: { displayName: string }; passwordLink: PasswordLink };
}

const asApiError = (caught: unknown) =>
  caught instanceof ApiError ? caught : new ApiError({ status: 0, title: String(caught) });

const EMPTY = {
  code: '',
  name: '',
  country: '',
  timeZone: '',
  currency: '',
  languages: 'en',
  officeName: '',
  officeKind: 'mission_office',
  officeCity: '',
  adminName: '',
  adminEmail: '',
};

/** Field ids and labels of the text inputs of the form, in order. */
const TEXT_FIELDS = [
  ['code', 'missions.code'],
  ['name', 'missions.name'],
  ['country', 'missions.country'],
  ['timeZone', 'missions.timeZone'],
  ['currency', 'missions.currency'],
  ['languages', 'missions.languages'],
] as const;

/**
 * The installation's missions, for a platform administrator: the list, and a new mission with its
 * first office and first administrator, whose one-time set-password link is shown once.
 */
export function MissionsPage() {
  const { t } = useTranslation();
  const { data, error, loading, reload } = useApi<{ items: MissionSummary[] }>('/missions');
  const [form, setForm] = useState(EMPTY);
  const [created, setCreated] = useState<CreatedMission | null>(null);
  const [actionError, setActionError] = useState<ApiError | undefined>(undefined);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setActionError(undefined);
    const country = form.country.trim().toUpperCase();
    try {
      const result = await apiPost<CreatedMission>('/missions', {
        code: form.code.trim().toUpperCase(),
        name: form.name,
        country,
        timeZone: form.timeZone.trim(),
        currency: form.currency.trim().toUpperCase(),
        languages: form.languages
          .split(',')
          .map((code) => code.trim().toLowerCase())
          .filter(Boolean),
        offices: [{ name: form.officeName, kind: form.officeKind, country, city: form.officeCity || null }],
        administrator: { email: form.adminEmail, displayName: form.adminName },
      });
      setCreated(result);
      setForm(EMPTY);
      reload();
    } catch (caught) {
      setActionError(asApiError(caught));
    }
  }

  const text = (id: keyof typeof EMPTY, label: string, type = 'text') => (
    <div className="field" key={id}>
      <label htmlFor={`mission-${id}`}>{label}</label>
      <input
        id={`mission-${id}`}
        type={type}
        required={id !== 'officeCity'}
        value={form[id]}
        onChange={(e) => setForm({ ...form, [id]: e.target.value })}
      />
    </div>
  );

  return (
    <section aria-labelledby="missions-heading">
      <h2 id="missions-heading">{t('missions.title')}</h2>
      <ErrorMessage error={error ?? actionError} />
      {created && (
        <>
          <p role="status">{t('missions.createdNotice', { code: created.code })}</p>
          <OneTimeLink
            link={created.administrator.passwordLink}
            who={created.administrator.user.displayName}
          />
        </>
      )}
      {loading && !data && <Loading />}
      <table>
        <thead>
          <tr>
            <th>{t('missions.code')}</th>
            <th>{t('missions.name')}</th>
            <th>{t('missions.country')}</th>
            <th>{t('missions.timeZone')}</th>
            <th>{t('missions.currency')}</th>
            <th>{t('missions.offices')}</th>
            <th>{t('missions.users')}</th>
            <th>{t('missions.created')}</th>
          </tr>
        </thead>
        <tbody>
          {data?.items.map((mission) => (
            <tr key={mission.id} data-testid="mission-row">
              <td>{mission.code}</td>
              <td>{mission.name}</td>
              <td>{mission.country}</td>
              <td>{mission.timeZone}</td>
              <td>{mission.currency}</td>
              <td>{mission.openOffices}</td>
              <td>{mission.activeUsers}</td>
              <td>{mission.createdAt.slice(0, 10)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form onSubmit={submit} aria-labelledby="new-mission-heading">
        <h3 id="new-mission-heading">{t('missions.add')}</h3>
        {TEXT_FIELDS.map(([id, label]) => text(id, t(label)))}
        <fieldset>
          <legend>{t('missions.firstOffice')}</legend>
          {text('officeName', t('missions.officeName'))}
          <OfficeKindField
            id="mission-officeKind"
            label={t('missions.officeKind')}
            value={form.officeKind}
            onChange={(officeKind) => setForm({ ...form, officeKind })}
          />
          {text('officeCity', t('missions.officeCity'))}
        </fieldset>
        <fieldset>
          <legend>{t('missions.administrator')}</legend>
          {text('adminName', t('missions.adminName'))}
          {text('adminEmail', t('missions.adminEmail'), 'email')}
        </fieldset>
        <button type="submit">{t('missions.save')}</button>
      </form>
    </section>
  );
}
