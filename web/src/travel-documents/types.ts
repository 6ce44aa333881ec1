/** An embassy or consulate of the directory. */
export interface Embassy {
  id: string;
  country: string;
  kind: 'embassy' | 'consulate';
  city: string;
  address: string | null;
  phone: string | null;
  email: string | null;
  notes: string | null;
  reminderDays: number | null;
  effectiveReminderDays: number;
  active: boolean;
}

export type RequestStatus = 'requested' | 'interview_scheduled' | 'issued' | 'refused' | 'cancelled';

/** A travel-document request for one person of a case. */
export interface TravelDocumentRequest {
  id: string;
  caseId: string;
  caseReference: string;
  person: { id: string; givenName: string; familyName: string };
  embassy: { id: string; country: string; kind: 'embassy' | 'consulate'; city: string };
  status: RequestStatus;
  requestedOn: string;
  interviewOn: string | null;
  documentKind: 'passport' | 'laissez_passer' | null;
  documentNumber: string | null;
  validFrom: string | null;
  validUntil: string | null;
  reason: string | null;
  notes: string | null;
  daysWaiting: number;
  overdue: boolean;
  reminderTaskId: string | null;
  version: number;
}

/** Statuses in which the embassy still owes an answer. */
export const OPEN_REQUEST_STATUSES: readonly RequestStatus[] = ['requested', 'interview_scheduled'];

/** "Embassy of IQ, The Hague" in the UI language's words. */
export function embassyName(
  embassy: { kind: string; country: string; city: string },
  t: (key: string, options?: Record<string, unknown>) => string,
): string {
  return t('travelRequests.embassyName', {
    kind: t(`travelRequests.kinds.${embassy.kind}`),
    country: embassy.country,
    city: embassy.city,
  });
}
