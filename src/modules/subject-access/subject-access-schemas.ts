import { z } from 'zod';

const ZRows = (description: string) => z.array(z.record(z.string(), z.unknown())).describe(description);

export const ZPersonIdParams = z.object({ id: z.uuid() });

export const ZSubjectAccessQuery = z.object({
  format: z
    .enum(['json', 'pdf'])
    .default('json')
    .describe('json: everything, as stored; pdf: a printable summary'),
});

export const ZAccessEntry = z.object({
  at: z.date(),
  actorType: z.string(),
  actor: z.object({ id: z.uuid(), displayName: z.string(), email: z.string() }).nullable(),
  action: z.string(),
  recordType: z.string(),
  recordId: z.string(),
  ip: z.string().nullable(),
});

/** Everything held about a person, by kind, with the log of who read or changed it. */
export const ZSubjectAccessExport = z.object({
  exportedAt: z.date(),
  exportedBy: z.object({ id: z.uuid(), displayName: z.string() }),
  person: z.record(z.string(), z.unknown()).describe('the person as stored'),
  anonymisedAt: z.date().nullable().describe('when retention anonymised the person, if it has'),
  identityDocuments: ZRows('identity and travel documents'),
  cases: ZRows('the cases of the groups the person belongs to'),
  caseGroupMembers: ZRows('who else travels in those groups (ids and roles only)'),
  events: ZRows('the cases’ timelines'),
  notes: ZRows('case notes'),
  tasks: ZRows('case tasks'),
  documents: ZRows('what each case document is (name, kind, size, SHA-256), not its content'),
  counsellingSessions: ZRows('counselling sessions'),
  eligibilityDecisions: ZRows('eligibility decisions with their inputs and reasons'),
  vulnerabilitySteps: ZRows('vulnerability procedure steps'),
  travelDocumentRequests: ZRows('travel document requests for the person'),
  bookings: ZRows('bookings the person travels on'),
  bookingSegments: ZRows('their flights'),
  bookingPassengers: ZRows('the person as a passenger: status, special needs'),
  reintegrationPlans: ZRows('reintegration plans'),
  grants: ZRows('reintegration grants'),
  disbursements: ZRows('what was paid out'),
  monitoringVisits: ZRows('monitoring visits'),
  sustainabilitySurveys: ZRows('sustainability surveys'),
  referrals: ZRows('referrals received from partners'),
  messages: ZRows('SMS, e-mails and webhooks sent about the cases'),
  consents: ZRows('the consents the person gave (purpose, partner, day, how) and their withdrawals'),
  accessLog: z
    .array(ZAccessEntry)
    .describe('who read or changed the person, their cases, notes and documents'),
});
