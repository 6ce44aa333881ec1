import { useTranslation } from 'react-i18next';
import { pickLocalized } from '../i18n/localized.js';
import type { EligibilityResult } from './eligibility-types.js';

/** An evaluation's outcome, every reason, and the amounts per person. */
export function EligibilityResultView({ result }: { result: EligibilityResult }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="eligibility-result">
      <p>
        <strong>{t(`eligibility.outcome.${result.outcome}`)}</strong>{' '}
        <span className="muted">
          {t('eligibility.appliedPolicy', { date: result.date, version: result.policyVersion })}
        </span>
      </p>
      <ul aria-label={t('eligibility.reasons')}>
        {result.reasons.map((reason) => (
          <li
            key={`${reason.code}-${reason.personId ?? ''}-${reason.message.en}`}
            data-effect={reason.effect}
          >
            <span className="muted">{t(`eligibility.effect.${reason.effect}`)}:</span>{' '}
            {pickLocalized(reason.message, i18n.language)}
          </li>
        ))}
      </ul>
      {result.persons.some((p) => p.amounts.length > 0) && (
        <div className="table-wrapper">
          <table className="compact">
            <caption>{t('eligibility.amounts')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('eligibility.person')}</th>
                <th scope="col">{t('eligibility.item')}</th>
                <th scope="col">{t('eligibility.amount')}</th>
              </tr>
            </thead>
            <tbody>
              {result.persons.flatMap((person) =>
                person.amounts.map((line) => (
                  <tr key={`${person.personId}-${line.item}`}>
                    <td>
                      {person.displayName} ({t(`eligibility.category.${person.category}`)})
                    </td>
                    <td>{t(`policy.tariff.${line.item}`)}</td>
                    <td>
                      {line.amount === null
                        ? t('policy.unknown')
                        : `${line.basis === 'fixed' ? '' : `${t(`policy.basis.${line.basis}`)} `}${line.currency} ${line.amount}`}
                    </td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </div>
      )}
      {result.totals.map((total) => (
        <p key={total.currency}>
          {t('eligibility.total')}: {total.currency} {total.amount}
        </p>
      ))}
    </div>
  );
}
