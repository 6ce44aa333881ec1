import { useTranslation } from 'react-i18next';
import type { PolicyVersion } from './policy-types.js';

const period = (from: string | null, to: string | null, open: string) => `${from ?? open} – ${to ?? open}`;

/** One policy version, read-only: its country lists, tariffs and parameters. */
export function PolicyVersionView({ version }: { version: PolicyVersion }) {
  const { t } = useTranslation();
  const open = t('policy.open');
  return (
    <div data-testid="policy-version">
      <h2>{t('policy.versionHeading', { version: version.version, date: version.effectiveFrom })}</h2>
      <p>{version.note}</p>
      <div className="table-wrapper">
        <table className="compact">
          <caption>{t('policy.countryRules')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('policy.list')}</th>
              <th scope="col">{t('policy.country')}</th>
              <th scope="col">{t('policy.period')}</th>
              <th scope="col">{t('policy.note')}</th>
            </tr>
          </thead>
          <tbody>
            {version.countryRules.map((rule) => (
              <tr key={`${rule.list}-${rule.country}-${rule.validFrom}`}>
                <td>{t(`policy.listName.${rule.list}`)}</td>
                <td>{rule.country}</td>
                <td>{period(rule.validFrom, rule.validTo, open)}</td>
                <td>{rule.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="table-wrapper">
        <table className="compact">
          <caption>{t('policy.tariffs')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('policy.item')}</th>
              <th scope="col">{t('policy.amount')}</th>
              <th scope="col">{t('policy.period')}</th>
              <th scope="col">{t('policy.note')}</th>
            </tr>
          </thead>
          <tbody>
            {version.tariffs.map((tariff) => (
              <tr key={`${tariff.item}-${tariff.validFrom}`}>
                <td>{t(`policy.tariff.${tariff.item}`)}</td>
                <td>
                  {tariff.amount === null
                    ? t('policy.unknown')
                    : `${tariff.basis === 'fixed' ? '' : `${t(`policy.basis.${tariff.basis}`)} `}${tariff.currency} ${tariff.amount}`}
                </td>
                <td>
                  {tariff.startUnknown
                    ? t('policy.startUnknown')
                    : period(tariff.validFrom, tariff.validTo, open)}
                </td>
                <td>{tariff.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="table-wrapper">
        <table className="compact">
          <caption>{t('policy.parameters')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('policy.parameter')}</th>
              <th scope="col">{t('policy.value')}</th>
              <th scope="col">{t('policy.period')}</th>
              <th scope="col">{t('policy.note')}</th>
            </tr>
          </thead>
          <tbody>
            {version.parameters.map((parameter) => (
              <tr key={`${parameter.key}-${parameter.validFrom}`}>
                <td>{t(`policy.parameterName.${parameter.key}`)}</td>
                <td>{parameter.value}</td>
                <td>{period(parameter.validFrom, parameter.validTo, open)}</td>
                <td>{parameter.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
