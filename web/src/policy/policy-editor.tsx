import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, apiPost } from '../api/client.js';
import { ErrorMessage } from '../ui/status-messages.js';
import {
  BASES,
  type CountryRule,
  LISTS,
  PARAMETER_KEYS,
  type Parameter,
  type PolicyVersion,
  TARIFF_ITEMS,
  type Tariff,
} from './policy-types.js';

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** Edits a copy of a version's rows; saving writes a new version, the base stays as it was. */
export function PolicyEditor({
  base,
  onCancel,
  onSaved,
}: {
  base: PolicyVersion;
  onCancel: () => void;
  onSaved: (created: PolicyVersion) => void;
}) {
  const { t } = useTranslation();
  const [effectiveFrom, setEffectiveFrom] = useState('');
  const [note, setNote] = useState('');
  const [rules, setRules] = useState<CountryRule[]>(base.countryRules);
  const [tariffs, setTariffs] = useState<Tariff[]>(base.tariffs);
  const [parameters, setParameters] = useState<Parameter[]>(base.parameters);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const update = <T,>(set: (f: (rows: T[]) => T[]) => void, index: number, changes: Partial<T>) =>
    set((rows) => rows.map((row, i) => (i === index ? { ...row, ...changes } : row)));
  const remove = <T,>(set: (f: (rows: T[]) => T[]) => void, index: number) =>
    set((rows) => rows.filter((_, i) => i !== index));

  async function save(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const result = await apiPost<{ version: PolicyVersion }>('/policy/versions', {
        effectiveFrom,
        note,
        countryRules: rules,
        tariffs,
        parameters,
      });
      onSaved(result.version);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError({ status: 0, title: String(caught) }));
    } finally {
      setBusy(false);
    }
  }

  const dates = (
    prefix: string,
    row: { validFrom: string | null; validTo: string | null },
    onChange: (c: { validFrom?: string | null; validTo?: string | null }) => void,
  ) => (
    <>
      <td>
        <input
          type="date"
          aria-label={`${prefix} ${t('policy.validFrom')}`}
          value={row.validFrom ?? ''}
          onChange={(e) => onChange({ validFrom: orNull(e.target.value) })}
        />
      </td>
      <td>
        <input
          type="date"
          aria-label={`${prefix} ${t('policy.validTo')}`}
          value={row.validTo ?? ''}
          onChange={(e) => onChange({ validTo: orNull(e.target.value) })}
        />
      </td>
    </>
  );

  return (
    <form onSubmit={(e) => void save(e)} data-testid="policy-editor">
      <h2>{t('policy.newVersionFrom', { version: base.version })}</h2>
      <label htmlFor="policy-effective-from">{t('policy.effectiveFrom')}</label>
      <input
        id="policy-effective-from"
        type="date"
        required
        value={effectiveFrom}
        onChange={(e) => setEffectiveFrom(e.target.value)}
      />
      <label htmlFor="policy-note">{t('policy.changeNote')}</label>
      <input id="policy-note" required value={note} onChange={(e) => setNote(e.target.value)} />

      <h3>{t('policy.countryRules')}</h3>
      <div className="table-wrapper">
        <table className="compact">
          <thead>
            <tr>
              <th scope="col">{t('policy.list')}</th>
              <th scope="col">{t('policy.country')}</th>
              <th scope="col">{t('policy.validFrom')}</th>
              <th scope="col">{t('policy.validTo')}</th>
              <th scope="col">{t('policy.note')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('policy.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rules.map((rule, index) => {
              const label = `${t('policy.row', { number: index + 1 })}`;
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and have no id yet
                <tr key={index}>
                  <td>
                    <select
                      aria-label={`${label} ${t('policy.list')}`}
                      value={rule.list}
                      onChange={(e) =>
                        update(setRules, index, { list: e.target.value as CountryRule['list'] })
                      }
                    >
                      {LISTS.map((list) => (
                        <option key={list} value={list}>
                          {t(`policy.listName.${list}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input
                      aria-label={`${label} ${t('policy.country')}`}
                      value={rule.country}
                      maxLength={2}
                      size={3}
                      onChange={(e) => update(setRules, index, { country: e.target.value.toUpperCase() })}
                    />
                  </td>
                  {dates(label, rule, (c) => update(setRules, index, c))}
                  <td>
                    <input
                      aria-label={`${label} ${t('policy.note')}`}
                      value={rule.note}
                      onChange={(e) => update(setRules, index, { note: e.target.value })}
                    />
                  </td>
                  <td>
                    <button type="button" onClick={() => remove(setRules, index)}>
                      {t('policy.remove')}
                      <span className="visually-hidden"> {label}</span>
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <button
        type="button"
        onClick={() =>
          setRules((rows) => [
            ...rows,
            { list: 'return_excluded', country: '', validFrom: null, validTo: null, note: '' },
          ])
        }
      >
        {t('policy.addCountry')}
      </button>

      <h3>{t('policy.tariffs')}</h3>
      <div className="table-wrapper">
        <table className="compact">
          <thead>
            <tr>
              <th scope="col">{t('policy.item')}</th>
              <th scope="col">{t('policy.amount')}</th>
              <th scope="col">{t('policy.basisLabel')}</th>
              <th scope="col">{t('policy.validFrom')}</th>
              <th scope="col">{t('policy.validTo')}</th>
              <th scope="col">{t('policy.startUnknown')}</th>
              <th scope="col">{t('policy.note')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('policy.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tariffs.map((tariff, index) => {
              const label = `${t('policy.row', { number: index + 1 })}`;
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and have no id yet
                <tr key={index}>
                  <td>
                    <select
                      aria-label={`${label} ${t('policy.item')}`}
                      value={tariff.item}
                      onChange={(e) => update(setTariffs, index, { item: e.target.value })}
                    >
                      {TARIFF_ITEMS.map((item) => (
                        <option key={item} value={item}>
                          {t(`policy.tariff.${item}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input
                      aria-label={`${label} ${t('policy.amount')} (${tariff.currency})`}
                      inputMode="decimal"
                      placeholder={t('policy.unknown')}
                      value={tariff.amount ?? ''}
                      size={10}
                      onChange={(e) => update(setTariffs, index, { amount: orNull(e.target.value) })}
                    />
                  </td>
                  <td>
                    <select
                      aria-label={`${label} ${t('policy.basisLabel')}`}
                      value={tariff.basis}
                      onChange={(e) =>
                        update(setTariffs, index, { basis: e.target.value as Tariff['basis'] })
                      }
                    >
                      {BASES.map((basis) => (
                        <option key={basis} value={basis}>
                          {t(`policy.basis.${basis}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  {dates(label, tariff, (c) => update(setTariffs, index, c))}
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`${label} ${t('policy.startUnknown')}`}
                      checked={tariff.startUnknown}
                      onChange={(e) => update(setTariffs, index, { startUnknown: e.target.checked })}
                    />
                  </td>
                  <td>
                    <input
                      aria-label={`${label} ${t('policy.note')}`}
                      value={tariff.note}
                      onChange={(e) => update(setTariffs, index, { note: e.target.value })}
                    />
                  </td>
                  <td>
                    <button type="button" onClick={() => remove(setTariffs, index)}>
                      {t('policy.remove')}
                      <span className="visually-hidden"> {label}</span>
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <button
        type="button"
        onClick={() =>
          setTariffs((rows) => [
            ...rows,
            {
              item: 'return_allowance_adult',
              amount: null,
              currency: 'EUR',
              basis: 'fixed',
              validFrom: null,
              validTo: null,
              startUnknown: false,
              note: '',
            },
          ])
        }
      >
        {t('policy.addTariff')}
      </button>

      <h3>{t('policy.parameters')}</h3>
      <div className="table-wrapper">
        <table className="compact">
          <thead>
            <tr>
              <th scope="col">{t('policy.parameter')}</th>
              <th scope="col">{t('policy.value')}</th>
              <th scope="col">{t('policy.validFrom')}</th>
              <th scope="col">{t('policy.validTo')}</th>
              <th scope="col">{t('policy.note')}</th>
            </tr>
          </thead>
          <tbody>
            {parameters.map((parameter, index) => {
              const label = t(`policy.parameterName.${parameter.key}`);
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and have no id yet
                <tr key={index}>
                  <td>{label}</td>
                  <td>
                    <input
                      aria-label={`${label} ${t('policy.value')}`}
                      value={parameter.value}
                      size={6}
                      onChange={(e) => update(setParameters, index, { value: e.target.value })}
                    />
                  </td>
                  {dates(label, parameter, (c) => update(setParameters, index, c))}
                  <td>
                    <input
                      aria-label={`${label} ${t('policy.note')}`}
                      value={parameter.note}
                      onChange={(e) => update(setParameters, index, { note: e.target.value })}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {PARAMETER_KEYS.filter((key) => !parameters.some((p) => p.key === key)).map((key) => (
        <button
          key={key}
          type="button"
          onClick={() =>
            setParameters((rows) => [...rows, { key, value: '', validFrom: null, validTo: null, note: '' }])
          }
        >
          {t('policy.addParameter', { name: t(`policy.parameterName.${key}`) })}
        </button>
      ))}
      <div className="button-row">
        <button type="submit" disabled={busy}>
          {t('policy.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('policy.cancel')}
        </button>
      </div>
      <ErrorMessage error={error} />
    </form>
  );
}
