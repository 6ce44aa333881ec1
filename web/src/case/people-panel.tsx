import { useTranslation } from 'react-i18next';
import type { Person } from '../api/types.js';
import { formatDate } from '../ui/format.js';
import type { CasePanelProps } from './case-context.js';
import { ConsentsSection } from './consents-section.js';
import { TravelDocumentForm } from './travel-document-form.js';

/** The people travelling on this case, with their travel documents and consents. */
export function PeoplePanel({
  kase,
  onActivity,
  onPersonsChanged,
}: CasePanelProps & { onPersonsChanged: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="people-heading" data-testid="people">
      <h2 id="people-heading">{t('people.title')}</h2>
      {kase.persons.map((person) => (
        <PersonCard
          key={person.id}
          person={person}
          canAddDocument={kase.policies.update}
          onDocumentAdded={() => {
            onPersonsChanged();
            onActivity();
          }}
        />
      ))}
    </section>
  );
}

interface PersonCardProps {
  person: Person;
  canAddDocument: boolean;
  onDocumentAdded: () => void;
}

function PersonCard({ person, canAddDocument, onDocumentAdded }: PersonCardProps) {
  const { t, i18n } = useTranslation();
  const native = [person.givenNameNative, person.familyNameNative].filter(Boolean).join(' ');
  const documents = person.documents ?? [];
  const headingId = `person-${person.id}-heading`;
  return (
    <article className="person-card" aria-labelledby={headingId} data-testid="case-person">
      <h3 id={headingId}>
        {person.givenName} {person.familyName}
        {native && (
          <>
            {' '}
            <bdi className="native-name">{native}</bdi>
          </>
        )}
      </h3>
      <dl className="facts">
        <div>
          <dt>{t('person.sex')}</dt>
          <dd>{t(`sex.${person.sex}`)}</dd>
        </div>
        <div>
          <dt>{t('person.dateOfBirth')}</dt>
          <dd>
            {person.dateOfBirth
              ? `${formatDate(person.dateOfBirth, i18n.language)} (${t(`datePrecision.${person.dateOfBirthPrecision}`)})`
              : t('common.unknown')}
          </dd>
        </div>
        <div>
          <dt>{t('person.nationalities')}</dt>
          <dd>{person.nationalities.join(', ') || t('common.unknown')}</dd>
        </div>
        <div>
          <dt>{t('person.languages')}</dt>
          <dd>{person.languages.join(', ') || t('common.unknown')}</dd>
        </div>
        {person.phone && (
          <div>
            <dt>{t('person.phone')}</dt>
            <dd dir="ltr">{person.phone}</dd>
          </div>
        )}
        {person.aliases && person.aliases.length > 0 && (
          <div>
            <dt>{t('person.aliases')}</dt>
            <dd>{person.aliases.join(', ')}</dd>
          </div>
        )}
      </dl>
      <h4>{t('travelDocument.title')}</h4>
      {documents.length === 0 ? (
        <p className="muted">{t('travelDocument.none')}</p>
      ) : (
        <table className="compact" data-testid="travel-documents">
          <thead>
            <tr>
              <th scope="col">{t('travelDocument.kind')}</th>
              <th scope="col">{t('travelDocument.number')}</th>
              <th scope="col">{t('travelDocument.issuingCountry')}</th>
              <th scope="col">{t('travelDocument.validUntil')}</th>
            </tr>
          </thead>
          <tbody>
            {documents.map((doc) => (
              <tr key={doc.id}>
                <td>{t(`travelDocumentKind.${doc.kind}`, { defaultValue: doc.kind })}</td>
                <td dir="ltr">{doc.number}</td>
                <td>{doc.issuingCountry}</td>
                <td>{doc.validUntil ? formatDate(doc.validUntil, i18n.language) : t('common.none')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canAddDocument && <TravelDocumentForm personId={person.id} onAdded={onDocumentAdded} />}
      <ConsentsSection personId={person.id} personName={`${person.givenName} ${person.familyName}`} />
    </article>
  );
}
