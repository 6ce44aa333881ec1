import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ApiError, apiPost } from '../api/client.js';
import type { CaseDetail, DuplicateCandidate, Person, PersonInput } from '../api/types.js';
import { fieldErrorsOf } from '../ui/field-errors.js';
import { ErrorMessage } from '../ui/status-messages.js';
import { CaseForm, type CaseFormValues } from './case-form.js';
import { DuplicateWarning } from './duplicate-warning.js';
import { PersonForm } from './person-form.js';
import { EMPTY_PERSON_FORM, type PersonFormValues, toPersonInput } from './person-input.js';
import { PersonSearch } from './person-search.js';
import { PersonSummary } from './person-summary.js';

const CASE_INLINE_FIELDS = ['officeId', 'referralSource', 'assigneeId', 'vulnerabilities', 'fundingProject'];

function asApiError(caught: unknown): ApiError {
  return caught instanceof ApiError ? caught : new ApiError({ status: 0, title: String(caught) });
}

/** Register (or find) the people, check for duplicates, then open an AVRR case for them. */
export function NewCasePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [persons, setPersons] = useState<Person[]>([]);
  const [adding, setAdding] = useState(true);
  const [form, setForm] = useState<PersonFormValues>(EMPTY_PERSON_FORM);
  const [candidates, setCandidates] = useState<DuplicateCandidate[]>([]);
  const [personError, setPersonError] = useState<ApiError | undefined>(undefined);
  const [caseError, setCaseError] = useState<ApiError | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  function addPerson(person: Person) {
    setPersons((current) => (current.some((p) => p.id === person.id) ? current : [...current, person]));
    setCandidates([]);
    setForm(EMPTY_PERSON_FORM);
    setPersonError(undefined);
    setAdding(false);
  }

  async function register(input: PersonInput) {
    const result = await apiPost<{ person: Person }>('/persons', input);
    addPerson(result.person);
  }

  async function checkAndRegister() {
    setBusy(true);
    setPersonError(undefined);
    try {
      const input = toPersonInput(form);
      const result = await apiPost<{ candidates: DuplicateCandidate[] }>('/persons/duplicates', input);
      const fresh = result.candidates.filter((c) => !persons.some((p) => p.id === c.person.id));
      if (fresh.length > 0) setCandidates(fresh);
      else await register(input);
    } catch (caught) {
      setPersonError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  }

  async function registerAnyway() {
    setBusy(true);
    setPersonError(undefined);
    try {
      await register(toPersonInput(form));
    } catch (caught) {
      setCandidates([]);
      setPersonError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  }

  async function openCase(values: CaseFormValues) {
    setBusy(true);
    setCaseError(undefined);
    try {
      const body = {
        programme: 'avrr',
        personIds: persons.map((p) => p.id),
        officeId: values.officeId,
        referralSource: values.referralSource,
        vulnerabilities: values.vulnerabilities,
        ...(values.assigneeId ? { assigneeId: values.assigneeId } : {}),
        ...(values.fundingProject.trim() ? { fundingProject: values.fundingProject.trim() } : {}),
      };
      const result = await apiPost<{ case: CaseDetail }>('/cases', body);
      navigate(`/cases/${result.case.id}`);
    } catch (caught) {
      setCaseError(asApiError(caught));
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="new-case-heading" className="new-case">
      <h1 id="new-case-heading">{t('newCase.title')}</h1>

      <section className="panel" aria-labelledby="selected-heading">
        <h2 id="selected-heading">{t('newCase.peopleOnCase')}</h2>
        {persons.length === 0 ? (
          <p>{t('newCase.noPeopleYet')}</p>
        ) : (
          <ul className="selected-persons" data-testid="selected-persons">
            {persons.map((person) => (
              <li key={person.id}>
                <PersonSummary person={person} id={`selected-${person.id}`} />{' '}
                <button
                  type="button"
                  className="link-button"
                  aria-describedby={`selected-${person.id}`}
                  onClick={() => setPersons((current) => current.filter((p) => p.id !== person.id))}
                >
                  {t('newCase.removePerson')}
                </button>
              </li>
            ))}
          </ul>
        )}
        {!adding && (
          <button type="button" onClick={() => setAdding(true)}>
            {t('newCase.addAnotherPerson')}
          </button>
        )}
      </section>

      {adding && (
        <>
          <PersonSearch onUse={addPerson} excludeIds={persons.map((p) => p.id)} />
          <section className="panel" aria-labelledby="register-heading">
            <h2 id="register-heading">{t('newCase.registerPerson')}</h2>
            {candidates.length > 0 ? (
              <DuplicateWarning
                candidates={candidates}
                onUse={addPerson}
                onRegisterAnyway={() => void registerAnyway()}
                onCancel={() => setCandidates([])}
                busy={busy}
              />
            ) : (
              <PersonForm
                values={form}
                onChange={setForm}
                onSubmit={() => void checkAndRegister()}
                fieldErrors={fieldErrorsOf(personError)}
                busy={busy}
              />
            )}
            <ErrorMessage error={personError} inlineFields={Object.keys(EMPTY_PERSON_FORM)} />
          </section>
        </>
      )}

      {persons.length > 0 && (
        <section className="panel" aria-labelledby="case-details-heading">
          <h2 id="case-details-heading">{t('newCase.caseDetails')}</h2>
          <CaseForm
            onSubmit={(values) => void openCase(values)}
            fieldErrors={fieldErrorsOf(caseError)}
            busy={busy}
          />
          <ErrorMessage error={caseError} inlineFields={CASE_INLINE_FIELDS} />
        </section>
      )}
    </section>
  );
}
