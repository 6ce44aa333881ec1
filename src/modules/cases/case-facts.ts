import { sql } from 'drizzle-orm';
import { type Executor, selectRows } from '../../platform/db/database.js';
import type { CaseRow } from './load-case.js';
import { type AvrrFacts, type AvrrMovementFacts, isAvrrStatus } from './workflow/index.js';

// Only documents one can travel on count for booking.
const TRAVEL_DOCUMENT_KINDS = ['passport', 'laissez_passer'];

/**
 * Everything the AVRR workflow's guards read about a case, gathered from the database in one
 * round trip (the case's people with their travel documents, its open tasks that block travel, its
 * latest eligibility decision, and what its departure bookings say of each person): every transition and the case page's list of possible steps
 * pay for it, so it is one statement rather than one per fact.
 */
export async function loadAvrrFacts(db: Executor, kase: CaseRow, today: string): Promise<AvrrFacts> {
  if (!isAvrrStatus(kase.status)) throw new Error(`Case ${kase.id} has unknown AVRR status ${kase.status}`);
  const [row] = await selectRows<{
    persons: {
      id: string;
      givenName: string;
      familyName: string;
      documents: { kind: 'passport' | 'laissez_passer'; validUntil: string | null }[];
    }[];
    tasks: { title: string }[];
    decision: { id: string; outcome: string; kind: string } | null;
    movements: AvrrMovementFacts;
  }>(
    db,
    sql`select
          coalesce((
            select json_agg(json_build_object(
                     'id', p.id, 'givenName', p.given_name, 'familyName', p.family_name,
                     'documents', coalesce((
                       select json_agg(json_build_object('kind', d.kind, 'validUntil', d.valid_until))
                         from person_documents d
                        where d.mission_id = p.mission_id and d.person_id = p.id
                          and d.kind in (${sql.join(
                            TRAVEL_DOCUMENT_KINDS.map((kind) => sql`${kind}`),
                            sql`, `,
                          )})), '[]'::json))
                   order by m.position)
              from case_group_members m
              join persons p on p.mission_id = m.mission_id and p.id = m.person_id
             where m.mission_id = ${kase.missionId} and m.case_group_id = ${kase.caseGroupId}), '[]'::json) as persons,
          coalesce((
            select json_agg(json_build_object('title', t.title))
              from case_tasks t
             where t.mission_id = ${kase.missionId} and t.case_id = ${kase.id}
               and t.blocks_travel and t.done_at is null), '[]'::json) as tasks,
          (select json_build_object('id', e.id, 'outcome', e.outcome, 'kind', e.kind)
             from eligibility_decisions e
            where e.mission_id = ${kase.missionId} and e.case_id = ${kase.id}
            order by e.decided_at desc, e.id desc
            limit 1) as decision,
          (select json_build_object(
                    'seated', coalesce(json_agg(distinct bp.person_id) filter (
                      where b.status = 'confirmed' and bp.status in ('confirmed', 'checked_in')), '[]'::json),
                    'onConfirmedBooking', coalesce(json_agg(distinct bp.person_id) filter (
                      where b.status = 'confirmed' and bp.status <> 'cancelled'), '[]'::json),
                    'departed', coalesce(json_agg(distinct bp.person_id) filter (
                      where bp.status in ('departed', 'arrived')), '[]'::json),
                    'arrived', coalesce(json_agg(distinct bp.person_id) filter (
                      where bp.status = 'arrived'), '[]'::json))
             from bookings b
             join booking_passengers bp on bp.mission_id = b.mission_id and bp.booking_id = b.id
            where b.mission_id = ${kase.missionId} and b.case_id = ${kase.id} and b.kind = 'departure') as movements`,
  );
  const { persons, tasks, decision, movements } = row!;
  const previous = kase.previousStatus;
  return {
    status: kase.status,
    previousStatus: previous && isAvrrStatus(previous) ? previous : null,
    today,
    vulnerabilities: kase.vulnerabilities,
    persons: persons.map((person) => ({
      id: person.id,
      displayName: `${person.givenName} ${person.familyName}`,
      travelDocuments: person.documents,
    })),
    guardianConfirmedHost: kase.guardianConfirmedHost,
    guardianConfirmedReturn: kase.guardianConfirmedReturn,
    openBlockingTasks: tasks,
    eligibilityDecision: decision && {
      id: decision.id,
      eligible: decision.outcome !== 'ineligible',
      overridden: decision.kind === 'override',
    },
    movements,
  };
}
