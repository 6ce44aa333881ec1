import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { latestEligibilityDecision } from '../eligibility/list-eligibility-decisions.js';
import { personDocuments } from '../persons/schema.js';
import type { CaseRow } from './load-case.js';
import { loadCaseMembers } from './load-case-members.js';
import { caseTasks } from './schema.js';
import { type AvrrFacts, isAvrrStatus } from './workflow/index.js';

/** The mission's calendar: travel documents are valid "today" in the Netherlands, not in UTC. */
export const MISSION_TIME_ZONE = 'Europe/Amsterdam';

/** Today's date (YYYY-MM-DD) in the mission's time zone. */
export function missionToday(now: Date): string {
  return missionDateFormat.format(now);
}

// Building a formatter is costly; one serves every call.
const missionDateFormat = new Intl.DateTimeFormat('en-CA', { timeZone: MISSION_TIME_ZONE });

// Only documents one can travel on count for booking.
const TRAVEL_DOCUMENT_KINDS = ['passport', 'laissez_passer'];

/** Everything the AVRR workflow's guards read about a case, gathered from the database. */
export async function loadAvrrFacts(db: Executor, kase: CaseRow, now: Date): Promise<AvrrFacts> {
  const members = (await loadCaseMembers(db, kase)).map(({ person }) => person);
  const documents =
    members.length === 0
      ? []
      : await db
          .select({
            personId: personDocuments.personId,
            kind: personDocuments.kind,
            validUntil: personDocuments.validUntil,
          })
          .from(personDocuments)
          .where(
            and(
              eq(personDocuments.missionId, kase.missionId),
              inArray(
                personDocuments.personId,
                members.map((m) => m.id),
              ),
              inArray(personDocuments.kind, TRAVEL_DOCUMENT_KINDS as ('passport' | 'laissez_passer')[]),
            ),
          );
  const openBlockingTasks = await db
    .select({ title: caseTasks.title })
    .from(caseTasks)
    .where(
      and(
        eq(caseTasks.missionId, kase.missionId),
        eq(caseTasks.caseId, kase.id),
        eq(caseTasks.blocksTravel, true),
        isNull(caseTasks.doneAt),
      ),
    );
  const decision = await latestEligibilityDecision(db, kase.missionId, kase.id);
  if (!isAvrrStatus(kase.status)) throw new Error(`Case ${kase.id} has unknown AVRR status ${kase.status}`);
  const previous = kase.previousStatus;
  return {
    status: kase.status,
    previousStatus: previous && isAvrrStatus(previous) ? previous : null,
    today: missionToday(now),
    vulnerabilities: kase.vulnerabilities,
    persons: members.map((member) => ({
      id: member.id,
      displayName: `${member.givenName} ${member.familyName}`,
      travelDocuments: documents
        .filter((doc) => doc.personId === member.id)
        .map((doc) => ({ kind: doc.kind, validUntil: doc.validUntil })),
    })),
    guardianConfirmedHost: kase.guardianConfirmedHost,
    guardianConfirmedReturn: kase.guardianConfirmedReturn,
    openBlockingTasks,
    eligibilityDecision: decision && {
      id: decision.id,
      eligible: decision.outcome !== 'ineligible',
      overridden: decision.kind === 'override',
    },
  };
}
