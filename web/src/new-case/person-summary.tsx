import { useTranslation } from 'react-i18next';
import type { Person } from '../api/types.js';
import { formatDate } from '../ui/format.js';

/** One line about a person: name, native-script name, date of birth, nationalities. */
export function PersonSummary({ person, id }: { person: Person; id?: string }) {
  const { t, i18n } = useTranslation();
  const native = [person.givenNameNative, person.familyNameNative].filter(Boolean).join(' ');
  if (person.restricted) {
    return (
      <span id={id} className="person-summary muted">
        {t('person.restricted')}
      </span>
    );
  }
  return (
    <span id={id} className="person-summary">
      <strong>
        {person.givenName} {person.familyName}
      </strong>
      {native && (
        <>
          {' '}
          (<bdi>{native}</bdi>)
        </>
      )}
      {person.dateOfBirth && (
        <> · {t('person.bornOn', { date: formatDate(person.dateOfBirth, i18n.language) })}</>
      )}
      {person.nationalities.length > 0 && <> · {person.nationalities.join(', ')}</>}
    </span>
  );
}
