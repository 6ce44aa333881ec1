import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { type ApiError, apiPatch } from '../api/client.js';
import type { CaseDetail, TimelineEntry, TransitionOption } from '../api/types.js';
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

/** The case with its workflow steps and timeline: the whole page in one request. */
interface CasePageData {
  case: CaseDetail;
  transitions: TransitionOption[];
  timeline: TimelineEntry[];
}

function CaseView({ id }: { id: string }) {
  const { t } = useTranslation();
  const [activity, setActivity] = useState(0);
  // Any activity on the case reloads the page's data: the case, its steps and its timeline at once.
  const { data, error, loading, reload, setData } = useApi<CasePageData>(
    `/cases/${encodeURIComponent(id)}?include=transitions,timeline`,
    activity,
  );
  const [conflict, setConflict] = useState(false);

  const onActivity = useCallback(() => setActivity((a) => a + 1), []);
  const onCaseChanged = useCallback(
    (kase: CaseDetail) => {
      // Show the new case at once; its steps and timeline follow with the reload.
      if (data) setData({ ...data, case: kase });
      setConflict(false);
      setActivity((a) => a + 1);
    },
    [data, setData],
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
          <TransitionsPanel {...mutation} options={data.transitions} loading={loading} />
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
          <TimelinePanel entries={data.timeline} loading={loading} />
        </aside>
      </div>
    </article>
  );
}
