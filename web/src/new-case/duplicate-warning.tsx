import { useTranslation } from 'react-i18next';
import type { DuplicateCandidate, Person } from '../api/types.js';
import { PersonSummary } from './person-summary.js';

interface Props {
  candidates: DuplicateCandidate[];
  onUse: (person: Person) => void;
  onRegisterAnyway: () => void;
  onCancel: () => void;
  busy: boolean;
}

/** Possible duplicates of the person being registered, to pick one or register anyway. */
export function DuplicateWarning({ candidates, onUse, onRegisterAnyway, onCancel, busy }: Props) {
  const { t } = useTranslation();
  return (
    <section className="panel warning" data-testid="duplicate-warning" aria-labelledby="duplicate-heading">
      <h2 id="duplicate-heading" tabIndex={-1}>
        {t('duplicates.title')}
      </h2>
      <p>{t('duplicates.intro', { count: candidates.length })}</p>
      <ul className="candidate-list">
        {candidates.map(({ person, score, reasons }) => (
          <li key={person.id} data-testid="duplicate-candidate">
            <PersonSummary person={person} id={`candidate-${person.id}`} />
            <span className="score"> · {t('duplicates.score', { score: Math.round(score * 100) })}</span>
            {reasons.length > 0 && (
              <ul className="reasons">
                {reasons.map((reason) => (
                  <li key={reason}>{t(`duplicates.reason.${reason}`, { defaultValue: reason })}</li>
                ))}
              </ul>
            )}
            <button
              type="button"
              onClick={() => onUse(person)}
              aria-describedby={`candidate-${person.id}`}
              disabled={busy}
            >
              {t('duplicates.useThisPerson')}
            </button>
          </li>
        ))}
      </ul>
      <div className="actions">
        <button type="button" className="primary" onClick={onRegisterAnyway} disabled={busy}>
          {t('duplicates.registerAnyway')}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          {t('duplicates.backToForm')}
        </button>
      </div>
    </section>
  );
}
