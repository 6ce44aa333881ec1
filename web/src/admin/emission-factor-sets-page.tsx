import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, apiPost } from '../api/client.js';
import { useApi } from '../api/use-api.js';
import { ErrorMessage, Loading } from '../ui/status-messages.js';

const FACTORS = ['domestic', 'short_haul', 'long_haul', 'international_non_uk'] as const;
type FactorName = (typeof FACTORS)[number];

interface FactorSet {
  id: string;
  name: string;
  year: number | null;
  version: number;
  factors: Record<FactorName, string> & { longHaulFromKm: number };
  source: string | null;
  retiredAt: string | null;
}

const asApiError = (caught: unknown) =>
  caught instanceof ApiError ? caught : new ApiError({ status: 0, title: String(caught) });

const EMPTY = {
  name: '',
  year: String(new Date().getFullYear()),
  domestic: '',
  short_haul: '',
  long_haul: '',
  international_non_uk: '',
  longHaulFromKm: '3700',
  source: '',
};

/**
 * Emission factor sets (kg CO2e per passenger-km): load a newer published set, which new bookings
 * use, or retire one; past bookings keep the set they were computed with.
 */
export function EmissionFactorSetsPage() {
  const { t } = useTranslation();
  const { data, error, loading, reload } = useApi<{ items: FactorSet[] }>('/emission-factor-sets');
  const [form, setForm] = useState(EMPTY);
  const [actionError, setActionError] = useState<ApiError | undefined>(undefined);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setActionError(undefined);
    try {
      await apiPost('/emission-factor-sets', {
        name: form.name,
        year: Number(form.year),
        factors: {
          ...Object.fromEntries(FACTORS.map((name) => [name, form[name].trim()])),
          longHaulFromKm: Number(form.longHaulFromKm),
        },
        ...(form.source.trim() ? { source: form.source.trim() } : {}),
      });
      setForm(EMPTY);
      reload();
    } catch (caught) {
      setActionError(asApiError(caught));
    }
  }

  async function retire(set: FactorSet) {
    setActionError(undefined);
    try {
      await apiPost(`/emission-factor-sets/${set.id}/retire`);
      reload();
    } catch (caught) {
      setActionError(asApiError(caught));
    }
  }

  const input = (
    id: keyof typeof EMPTY,
    label: string,
    extra: { required?: boolean; inputMode?: 'decimal' | 'numeric' } = {},
  ) => (
    <div className="field" key={id}>
      <label htmlFor={`factor-${id}`}>{label}</label>
      <input
        id={`factor-${id}`}
        required={extra.required ?? true}
        inputMode={extra.inputMode}
        value={form[id]}
        onChange={(e) => setForm({ ...form, [id]: e.target.value })}
      />
    </div>
  );

  return (
    <section aria-labelledby="factor-sets-heading">
      <h2 id="factor-sets-heading">{t('factorSets.title')}</h2>
      <ErrorMessage error={error ?? actionError} />
      {loading && !data && <Loading />}
      <table>
        <thead>
          <tr>
            <th>{t('factorSets.name')}</th>
            <th>{t('factorSets.year')}</th>
            {FACTORS.map((name) => (
              <th key={name}>{t(`factorSets.factors.${name}`)}</th>
            ))}
            <th>{t('factorSets.status')}</th>
            <th>
              <span className="visually-hidden">{t('factorSets.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {data?.items.map((set) => (
            <tr key={set.id} data-testid="factor-set">
              <td>
                {set.name} (v{set.version})
              </td>
              <td>{set.year ?? ''}</td>
              {FACTORS.map((name) => (
                <td key={name}>{set.factors[name]}</td>
              ))}
              <td>{set.retiredAt ? t('factorSets.retired') : t('factorSets.inUse')}</td>
              <td>
                {!set.retiredAt && (
                  <button type="button" onClick={() => retire(set)}>
                    {t('factorSets.retire')}
                    <span className="visually-hidden">{`: ${set.name}`}</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form onSubmit={submit} aria-labelledby="new-factor-set-heading">
        <h3 id="new-factor-set-heading">{t('factorSets.add')}</h3>
        <p className="hint">{t('factorSets.help')}</p>
        {input('name', t('factorSets.name'))}
        {input('year', t('factorSets.year'), { inputMode: 'numeric' })}
        {FACTORS.map((name) => input(name, t(`factorSets.factors.${name}`), { inputMode: 'decimal' }))}
        {input('longHaulFromKm', t('factorSets.longHaulFromKm'), { inputMode: 'numeric' })}
        {input('source', t('factorSets.source'), { required: false })}
        <button type="submit">{t('factorSets.save')}</button>
      </form>
    </section>
  );
}
