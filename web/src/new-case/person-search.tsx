import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toQuery } from '../api/client.js';
import type { Person } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { ErrorMessage, Loading } from '../ui/status-messages.js';
import { PersonSummary } from './person-summary.js';

/** Finds an already registered person by name, to put on the case instead of registering anew. */
export function PersonSearch({
  onUse,
  excludeIds,
}: {
  onUse: (person: Person) => void;
  excludeIds: string[];
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const { data, error, loading } = useApi<{ items: { person: Person; score: number }[] }>(
    query ? `/persons/search${toQuery({ q: query })}` : null,
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    setQuery(text.trim());
  }

  const results = data?.items.filter(({ person }) => !excludeIds.includes(person.id)) ?? [];
  return (
    <section className="panel" aria-labelledby="person-search-heading">
      <h2 id="person-search-heading">{t('personSearch.title')}</h2>
      <search>
        <form onSubmit={submit} className="inline-form">
          <div className="field">
            <label htmlFor="person-search-q">{t('personSearch.label')}</label>
            <input
              id="person-search-q"
              type="search"
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          </div>
          <button type="submit">{t('personSearch.submit')}</button>
        </form>
      </search>
      <ErrorMessage error={error} />
      {query && loading && <Loading />}
      {query && data && !loading && (
        <div aria-live="polite">
          {results.length === 0 ? (
            <p>{t('personSearch.none')}</p>
          ) : (
            <ul className="candidate-list" data-testid="person-search-results">
              {results.map(({ person }) => (
                <li key={person.id}>
                  <PersonSummary person={person} id={`found-${person.id}`} />{' '}
                  <button type="button" onClick={() => onUse(person)} aria-describedby={`found-${person.id}`}>
                    {t('duplicates.useThisPerson')}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
