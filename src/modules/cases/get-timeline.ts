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
    case 'counselling_session_recorded':
      return { en: 'Counselling session recorded', nl: 'Counselingsgesprek vastgelegd' };
    case 'vulnerability_procedure_started':
      return {
        en: `Procedure started: ${procedureLabel(data).en}`,
        nl: `Procedure gestart: ${procedureLabel(data).nl}`,
      };
    case 'vulnerability_procedure_cancelled':
      return {
        en: `Procedure stopped: ${procedureLabel(data).en}`,
        nl: `Procedure gestopt: ${procedureLabel(data).nl}`,
      };
    case 'vulnerability_step_completed':
      return { en: `Step done: ${text(data.title)}`, nl: `Stap afgerond: ${text(data.title)}` };
    case 'vulnerability_step_reopened':
      return { en: `Step reopened: ${text(data.title)}`, nl: `Stap heropend: ${text(data.title)}` };
    case 'travel_document_requested':
      return {
        en: 'Travel document requested from the embassy',
        nl: 'Reisdocument aangevraagd bij de ambassade',
      };
    case 'travel_document_request_changed':
      return {
        en: `Travel document request: ${travelRequestStatus(data).en}`,
        nl: `Aanvraag reisdocument: ${travelRequestStatus(data).nl}`,
      };
    case 'travel_document_request_overdue':
      return { en: 'Travel document request overdue', nl: 'Aanvraag reisdocument over tijd' };
    case 'reintegration_plan_drafted':
      return { en: 'Reintegration plan drafted', nl: 'Re-integratieplan opgesteld' };
    case 'reintegration_plan_finalised':
      return { en: 'Reintegration plan finalised', nl: 'Re-integratieplan definitief gemaakt' };
    case 'reintegration_plan_revised':
      return { en: 'Reintegration plan revised', nl: 'Re-integratieplan herzien' };
    case 'grant_created':
      return {
        en: `Grant (${text(data.type)}) of ${text(data.amount)} ${text(data.currency)}`,
        nl: `Ondersteuning (${text(data.type)}) van ${text(data.amount)} ${text(data.currency)}`,
      };
    case 'grant_disbursed':
      return {
        en: `Paid ${text(data.amount)} ${text(data.currency)} (${text(data.method)})`,
        nl: `Uitbetaald ${text(data.amount)} ${text(data.currency)} (${text(data.method)})`,
      };
    case 'monitoring_visit_recorded':
      return { en: 'Monitoring visit recorded', nl: 'Monitoringbezoek vastgelegd' };
    case 'sustainability_survey_recorded':
      return {
        en: `Sustainability survey: composite ${text(data.compositeScore) || '–'}`,
        nl: `Duurzaamheidsenquête: totaalscore ${text(data.compositeScore) || '–'}`,
      };
    case 'message_not_sent':
      return {
        en: `Message not sent (${text(data.kind)}): ${text(data.reason)}`,
        nl: `Bericht niet verstuurd (${text(data.kind)}): ${text(data.reason)}`,
      };
    case 'message_language_fallback':
      return {
        en: `No ${text(data.kind)} wording in "${text(data.requestedLanguage)}": SMS sent in English`,
        nl: `Geen tekst ${text(data.kind)} in "${text(data.requestedLanguage)}": sms in het Engels verstuurd`,
      };
    case 'referral_received':
      return {
        en: `Referral ${text(data.partnerReference)} received from ${text(data.partnerName)}`,
        nl: `Verwijzing ${text(data.partnerReference)} ontvangen van ${text(data.partnerName)}`,
      };
    case 'booking_created':
      return {
        en: `Travel booked (held), PNR ${text(data.pnr) || '–'}`,
        nl: `Reis geboekt (optie), PNR ${text(data.pnr) || '–'}`,
      };
    case 'booking_confirmed':
      return {
        en: `Booking confirmed, PNR ${text(data.pnr) || '–'}`,
        nl: `Boeking bevestigd, PNR ${text(data.pnr) || '–'}`,
      };
    case 'booking_changed':
      return {
        en: `Booking changed (version ${text(String(data.version ?? ''))})`,
        nl: `Boeking gewijzigd (versie ${text(String(data.version ?? ''))})`,
      };
    case 'booking_cancelled':
      return {
        en: `Booking cancelled: ${text(data.reason)}`,
        nl: `Boeking geannuleerd: ${text(data.reason)}`,
      };
    case 'passenger_departed':
      return { en: 'Passenger departed', nl: 'Passagier vertrokken' };
    case 'passenger_no_show':
      return {
        en: 'Passenger did not show up for the flight',
        nl: 'Passagier niet verschenen voor de vlucht',
      };
    case 'passenger_status_changed':
      return { en: `Passenger ${text(data.status)}`, nl: `Passagier: ${text(data.status)}` };
    case 'passenger_handed_over':
      return {
        en: `Handed over to ${text(data.receivingPartyName)} (${text(data.receivedBy)})`,
        nl: `Overgedragen aan ${text(data.receivingPartyName)} (${text(data.receivedBy)})`,
      };
    case 'departure_published':
      return { en: 'Partners notified of the departure', nl: 'Partners geïnformeerd over het vertrek' };
    case 'eligibility_decided':
      return {
        en: `Eligibility decided: ${text(data.outcome).replaceAll('_', ' ')} (policy version ${String(data.policyVersion ?? '')})`,
        nl: `Geschiktheid besloten: ${text(data.outcome).replaceAll('_', ' ')} (beleidsversie ${String(data.policyVersion ?? '')})`,
      };
    case 'eligibility_overridden':
      return {
        en: `Eligibility overridden to ${text(data.outcome).replaceAll('_', ' ')}: ${text(data.justification)}`,
        nl: `Geschiktheid overruled naar ${text(data.outcome).replaceAll('_', ' ')}: ${text(data.justification)}`,
      };
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
    .orderBy(desc(caseEvents.occurredAt), desc(caseEvents.id));
  return rows.map(({ event, actor }) => ({
    id: event.id,
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
    kind: event.kind,
    actor: actor?.id ? actor : null,
    summary: summariseEvent(kase.programme, event.kind, event.data),
    data: event.data,
  }));
}

const PROCEDURE_LABELS: Record<string, LocalizedText> = {
  unaccompanied_minor: { en: 'unaccompanied minor', nl: 'alleenstaande minderjarige' },
  health_needs: { en: 'health needs', nl: 'medische zorg' },
  victim_of_trafficking: { en: 'victim of trafficking', nl: 'slachtoffer mensenhandel' },
};

function procedureLabel(data: EventData): LocalizedText {
  const category = text(data.category);
  return PROCEDURE_LABELS[category] ?? { en: category, nl: category };
}

const TRAVEL_REQUEST_STATUS_LABELS: Record<string, LocalizedText> = {
  interview_scheduled: { en: 'interview scheduled', nl: 'gesprek gepland' },
  issued: { en: 'document issued', nl: 'document afgegeven' },
  refused: { en: 'refused', nl: 'geweigerd' },
  cancelled: { en: 'cancelled', nl: 'geannuleerd' },
};

function travelRequestStatus(data: EventData): LocalizedText {
  const status = text(data.status);
  return TRAVEL_REQUEST_STATUS_LABELS[status] ?? { en: status, nl: status };
}
