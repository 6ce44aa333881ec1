import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { type ApiError, apiPatch } from '../api/client.js';
import type { CaseDetail } from '../api/types.js';
import { useApi } from '../api/use-api.js';
import { ErrorMessage, Loading } from '../ui/status-messages.js';
import { BookingsPanel } from './bookings-panel.js';
import { CaseHeader } from './case-header.js';
import { CounsellingPanel } from './counselling-panel.js';
import { DocumentsPanel } from './documents-panel.js';
import { EligibilityPanel } from './eligibility-panel.js';
import { GuardianPanel } from './guardian-panel.js';
import { MessagesPanel } from './messages-panel.js';
import { MonitoringPanel } from './monitoring-panel.js';
import { NotesPanel } from './notes-panel.js';
import { PeoplePanel } from './people-panel.js';
import { ReintegrationPanel } from './reintegration-panel.js';
import { TasksPanel } from './tasks-panel.js';
import { TimelinePanel } from './timeline-panel.js';
import { TransitionsPanel } from './transitions-panel.js';
import { TravelDocumentRequestsPanel } from './travel-document-requests-panel.js';
import { VulnerabilityPanel } from './vulnerability-panel.js';

/** The case page: header, people, workflow, notes, tasks, documents and timeline. */
export function CasePage() {
  const { id = '' } = useParams();
  return <CaseView key={id} id={id} />;
}

function CaseView({ id }: { id: string }) {
  const { t } = useTranslation();
  const { data, error, loading, reload, setData } = useApi<{ case: CaseDetail }>(
    `/cases/${encodeURIComponent(id)}`,
  );
  const [activity, setActivity] = useState(0);
  const [conflict, setConflict] = useState(false);

  const onActivity = useCallback(() => setActivity((a) => a + 1), []);
  const onCaseChanged = useCallback(
    (kase: CaseDetail) => {
      setData({ case: kase });
      setConflict(false);
      setActivity((a) => a + 1);
    },
    [setData],
  );
  const onConflict = useCallback((caught: ApiError) => {
    if (caught.status !== 409) return false;
    setConflict(true);
    return true;
  }, []);

  const kase = data?.case;
  const patchCase = useCallback(
    async (changes: Record<string, unknown>) => {
      if (!kase) return;
      const result = await apiPatch<{ case: CaseDetail }>(`/cases/${kase.id}`, {
        version: kase.version,
        ...changes,
      });
      onCaseChanged(result.case);
    },
    [kase, onCaseChanged],
  );

  function reloadAll() {
    setConflict(false);
    reload();
    setActivity((a) => a + 1);
  }

  if (!kase) {
    return (
      <section>
        <ErrorMessage error={error} />
        {loading && <Loading />}
      </section>
    );
  }

  const panel = { kase, onActivity };
  const mutation = { ...panel, patchCase, onCaseChanged, onConflict };
  return (
    <article className="case-page" aria-labelledby="case-heading">
      <div aria-live="assertive" role="alert" className={conflict ? 'conflict-banner' : 'visually-hidden'}>
        {conflict && (
          <p>
            {t('case.conflict')}{' '}
            <button type="button" onClick={reloadAll}>
              {t('case.reload')}
            </button>
          </p>
        )}
      </div>
      <ErrorMessage error={error} />
      <CaseHeader {...mutation} />
      <div className="case-grid">
        <div className="case-main">
          <TransitionsPanel {...mutation} refreshKey={activity} />
          {kase.vulnerabilities.includes('unaccompanied_minor') && <GuardianPanel {...mutation} />}
          <VulnerabilityPanel {...mutation} />
          {kase.programme === 'avrr' && <EligibilityPanel {...panel} />}
          <PeoplePanel {...panel} onPersonsChanged={reload} />
          <CounsellingPanel {...panel} />
          <TravelDocumentRequestsPanel {...panel} />
          <NotesPanel {...panel} />
          <TasksPanel {...panel} />
          <BookingsPanel {...panel} />
          <MessagesPanel {...panel} refreshKey={activity} />
          <DocumentsPanel {...panel} />
          {kase.programme === 'avrr' && <ReintegrationPanel {...panel} />}
          {kase.programme === 'avrr' && <MonitoringPanel {...panel} />}
        </div>
        <aside className="case-side">
          <TimelinePanel caseId={kase.id} refreshKey={activity} />
        </aside>
      </div>
    </article>
  );
}
