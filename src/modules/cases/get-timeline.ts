import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { users } from '../organisation/schema.js';
import type { CaseRow } from './load-case.js';
import { statusLabel } from './present-case.js';
import { caseEvents } from './schema.js';
import type { LocalizedText } from './workflow/index.js';

type EventData = Record<string, unknown>;

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** A one-line description of a timeline entry, in English and Dutch. */
export function summariseEvent(programme: string, kind: string, data: EventData): LocalizedText {
  switch (kind) {
    case 'case_created':
      return { en: `Case ${text(data.reference)} opened`, nl: `Zaak ${text(data.reference)} geopend` };
    case 'status_changed': {
      const from = statusLabel(programme, text(data.from));
      const to = statusLabel(programme, text(data.to));
      const reason = text(data.reason);
      return {
        en: `Status changed from ${from.en} to ${to.en}${reason ? `: ${reason}` : ''}`,
        nl: `Status gewijzigd van ${from.nl} naar ${to.nl}${reason ? `: ${reason}` : ''}`,
      };
    }
    case 'case_updated': {
      const fields = Object.keys((data.changes as EventData | undefined) ?? {}).join(', ');
      return { en: `Case details changed (${fields})`, nl: `Zaakgegevens gewijzigd (${fields})` };
    }
    case 'note_added':
      return { en: 'Note added', nl: 'Notitie toegevoegd' };
    case 'task_added':
      return { en: `Task added: ${text(data.title)}`, nl: `Taak toegevoegd: ${text(data.title)}` };
    case 'task_completed':
      return { en: `Task done: ${text(data.title)}`, nl: `Taak afgerond: ${text(data.title)}` };
    case 'task_reopened':
      return { en: `Task reopened: ${text(data.title)}`, nl: `Taak heropend: ${text(data.title)}` };
    case 'document_uploaded':
      return {
        en: `Document uploaded: ${text(data.filename)}`,
        nl: `Document geüpload: ${text(data.filename)}`,
      };
    case 'person_added':
      return { en: 'Person added to the case', nl: 'Persoon aan de zaak toegevoegd' };
    case 'travel_document_added':
      return { en: 'Travel document recorded', nl: 'Reisdocument vastgelegd' };
    default:
      return { en: kind, nl: kind };
  }
}

/** The case's timeline, newest first. */
export async function getCaseTimeline(db: Executor, kase: CaseRow) {
  const rows = await db
    .select({
      event: caseEvents,
      actor: { id: users.id, displayName: users.displayName, email: users.email },
    })
    .from(caseEvents)
    .leftJoin(users, eq(users.id, caseEvents.actorId))
    .where(and(eq(caseEvents.missionId, kase.missionId), eq(caseEvents.caseId, kase.id)))
    .orderBy(desc(caseEvents.at), desc(caseEvents.id));
  return rows.map(({ event, actor }) => ({
    id: event.id,
    at: event.at,
    kind: event.kind,
    actor: actor?.id ? actor : null,
    summary: summariseEvent(kase.programme, event.kind, event.data),
    data: event.data,
  }));
}
