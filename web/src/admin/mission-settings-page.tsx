import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, apiPatch } from '../api/client.js';
import { useApi } from '../api/use-api.js';
import { ErrorMessage, Loading } from '../ui/status-messages.js';

interface MissionSettings {
  id: string;
  code: string;
  name: string;
  country: string;
  timeZone: string;
  currency: string;
  languages: string[];
  locale: string;
}

const asApiError = (caught: unknown) =>
  caught instanceof ApiError ? caught : new ApiError({ status: 0, title: String(caught) });

/** The mission's settings: name, time zone (its "today"), currency and languages. */
export function MissionSettingsPage() {
  const { t } = useTranslation();
  const { data, error, loading, setData } = useApi<MissionSettings>('/mission');
  const [form, setForm] = useState({ name: '', timeZone: '', currency: '', languages: '', locale: '' });
  const [actionError, setActionError] = useState<ApiError | undefined>(undefined);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (data)
      setForm({
        name: data.name,
        timeZone: data.timeZone,
        currency: data.currency,
        languages: data.languages.join(', '),
        locale: data.locale,
      });
  }, [data]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setActionError(undefined);
    setSaved(false);
    try {
      const updated = await apiPatch<MissionSettings>('/mission', {
        name: form.name,
        timeZone: form.timeZone.trim(),
        currency: form.currency.trim().toUpperCase(),
        languages: form.languages
          .split(',')
          .map((code) => code.trim().toLowerCase())
          .filter(Boolean),
        locale: form.locale.trim().toLowerCase(),
      });
      setData(updated);
      setSaved(true);
    } catch (caught) {
      setActionError(asApiError(caught));
    }
  }

  const input = (id: keyof typeof form, label: string) => (
    <div className="field">
      <label htmlFor={`settings-${id}`}>{label}</label>
      <input
        id={`settings-${id}`}
        required
        value={form[id]}
        onChange={(e) => setForm({ ...form, [id]: e.target.value })}
      />
    </div>
  );

  return (
    <section aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('missionSettings.title')}</h2>
      <ErrorMessage error={error ?? actionError} />
      {loading && !data && <Loading />}
      {saved && <p role="status">{t('missionSettings.saved')}</p>}
      {data && (
        <form onSubmit={submit}>
          <p>{t('missionSettings.codeAndCountry', { code: data.code, country: data.country })}</p>
          {input('name', t('missions.name'))}
          {input('timeZone', t('missions.timeZone'))}
          {input('currency', t('missions.currency'))}
          {input('languages', t('missions.languages'))}
          {input('locale', t('missionSettings.locale'))}
          <button type="submit">{t('missionSettings.save')}</button>
        </form>
      )}
    </section>
  );
}
