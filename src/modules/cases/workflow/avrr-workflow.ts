// The AVRR (assisted voluntary return and reintegration) case workflow, as data.
import {
  eligibilityDecidedEligible,
  eligibilityDecidedIneligible,
  everyDepartedPassengerArrived,
  everyPersonHasValidTravelDocument,
  everyTravellerSeatedOnConfirmedBooking,
  guardianConfirmedHost,
  guardianConfirmedReturn,
  hasPersons,
  noOpenBlockingTasks,
  somePassengerDeparted,
  statusBeforeHoldStillHolds,
} from './avrr-guards.js';
import type { GuardFailure, LocalizedText, TransitionDef, WorkflowDef } from './workflow-types.js';

export const AVRR_STATUSES = [
  'registered',
  'counselling',
  'application_submitted',
  'eligible',
  'ineligible',
  'travel_documents',
  'travel_booked',
  'departed',
  'arrived',
  'reintegration',
  'monitoring',
  'closed',
  'withdrawn',
  'on_hold',
] as const;

export type AvrrStatus = (typeof AVRR_STATUSES)[number];

export type AvrrVulnerability = 'unaccompanied_minor' | 'health_needs' | 'victim_of_trafficking' | 'other';

export type AvrrFacts = {
  status: AvrrStatus;
  /** The status before the case was put on hold. */
  previousStatus?: AvrrStatus | null;
  /** YYYY-MM-DD, in the mission's time zone. */
  today: string;
  /** Usually AvrrVulnerability values; kept open so stored data from older versions still evaluates. */
  vulnerabilities: readonly string[];
  persons: readonly {
    id: string;
    displayName: string;
    travelDocuments: readonly { kind: string; validUntil: string | null }[];
  }[];
  guardianConfirmedHost: boolean;
  guardianConfirmedReturn: boolean;
  openBlockingTasks?: readonly { title: string }[];
  /** The eligibility decision in effect (the latest recorded or overridden); null or absent when none. */
  eligibilityDecision?: { id: string; eligible: boolean; overridden: boolean } | null;
  /** What the case's departure bookings say of its people (person ids); absent means no bookings. */
  movements?: AvrrMovementFacts;
};

/** The movement facts of a case's people, from its departure bookings. */
export type AvrrMovementFacts = {
  /** A seat (confirmed or checked in) on a confirmed booking. */
  seated: readonly string[];
  /** A passenger of a confirmed booking, not cancelled (a no-show waiting to be rebooked included). */
  onConfirmedBooking: readonly string[];
  /** Marked departed (or since arrived) on the airport board. */
  departed: readonly string[];
  /** Departed and since marked arrived or handed over. */
  arrived: readonly string[];
};

const TERMINAL: readonly AvrrStatus[] = ['closed', 'withdrawn'];

// Withdrawal is only possible before the person has left: afterwards the return has happened.
const BEFORE_DEPARTURE: readonly AvrrStatus[] = [
  'registered',
  'counselling',
  'application_submitted',
  'eligible',
  'ineligible',
  'travel_documents',
  'travel_booked',
];

/** True while the case is still being worked on (on hold counts as open). */
export function isOpenStatus(status: AvrrStatus): boolean {
  return !TERMINAL.includes(status);
}

/** Narrows a stored or submitted string to an AVRR status. */
export function isAvrrStatus(value: string): value is AvrrStatus {
  return (AVRR_STATUSES as readonly string[]).includes(value);
}

const STATUS_LABELS: Record<AvrrStatus, LocalizedText> = {
  registered: { en: 'Registered', nl: 'Geregistreerd' },
  counselling: { en: 'Counselling', nl: 'Counseling' },
  application_submitted: { en: 'Application submitted', nl: 'Aanvraag ingediend' },
  eligible: { en: 'Eligible', nl: 'Geschikt' },
  ineligible: { en: 'Ineligible', nl: 'Niet geschikt' },
  travel_documents: { en: 'Travel documents', nl: 'Reisdocumenten' },
  travel_booked: { en: 'Travel booked', nl: 'Reis geboekt' },
  departed: { en: 'Departed', nl: 'Vertrokken' },
  arrived: { en: 'Arrived', nl: 'Aangekomen' },
  reintegration: { en: 'Reintegration', nl: 'Re-integratie' },
  monitoring: { en: 'Monitoring', nl: 'Monitoring' },
  closed: { en: 'Closed', nl: 'Gesloten' },
  withdrawn: { en: 'Withdrawn', nl: 'Ingetrokken' },
  on_hold: { en: 'On hold', nl: 'In de wacht' },
};

// A case on hold may only be withdrawn if it was put on hold before the person departed.
function notDepartedBeforeHold(facts: AvrrFacts): GuardFailure | null {
  if (facts.status !== 'on_hold') return null;
  const previous = facts.previousStatus;
  if (previous && BEFORE_DEPARTURE.includes(previous)) return null;
  if (!previous) {
    return {
      code: 'no_previous_status',
      message: {
        en: 'The status before the hold is unknown, so it cannot be checked that the person has not departed.',
        nl: 'De status vóór de wachtstand is onbekend, dus kan niet worden nagegaan of de persoon nog niet is vertrokken.',
      },
    };
  }
  return {
    code: 'already_departed',
    message: {
      en: 'The case cannot be withdrawn: the person has already departed.',
      nl: 'De zaak kan niet worden ingetrokken: de persoon is al vertrokken.',
    },
  };
}

// Rebooking after a no-show is a new booking, so it must pass the same checks as the first one.
const BOOKING_GUARDS = [
  hasPersons,
  everyPersonHasValidTravelDocument,
  guardianConfirmedHost,
  guardianConfirmedReturn,
  noOpenBlockingTasks,
];

const TRANSITIONS: readonly TransitionDef<AvrrStatus, AvrrFacts>[] = [
  {
    id: 'start_counselling',
    from: ['registered'],
    to: 'counselling',
    label: { en: 'Start counselling', nl: 'Counseling starten' },
    guards: [],
  },
  {
    id: 'submit_application',
    from: ['counselling'],
    to: 'application_submitted',
    label: { en: 'Submit application', nl: 'Aanvraag indienen' },
    guards: [hasPersons],
  },
  {
    id: 'decide_eligible',
    from: ['application_submitted'],
    to: 'eligible',
    label: { en: 'Decide: eligible', nl: 'Besluit: geschikt' },
    guards: [eligibilityDecidedEligible],
  },
  {
    id: 'decide_ineligible',
    from: ['application_submitted'],
    to: 'ineligible',
    label: { en: 'Decide: ineligible', nl: 'Besluit: niet geschikt' },
    requiresReason: true,
    guards: [eligibilityDecidedIneligible],
  },
  {
    id: 'request_travel_documents',
    from: ['eligible'],
    to: 'travel_documents',
    label: { en: 'Request travel documents', nl: 'Reisdocumenten aanvragen' },
    guards: [],
  },
  {
    // Travel booked states a fact: every traveller has a seat on a confirmed booking.
    id: 'book_travel',
    from: ['travel_documents'],
    to: 'travel_booked',
    label: { en: 'Book travel', nl: 'Reis boeken' },
    guards: [...BOOKING_GUARDS, everyTravellerSeatedOnConfirmedBooking],
  },
  {
    id: 'cancel_travel',
    from: ['travel_booked'],
    to: 'travel_documents',
    label: {
      en: 'Booking cancelled: back to travel documents',
      nl: 'Boeking geannuleerd: terug naar reisdocumenten',
    },
    appliedBy: 'booking',
    guards: [],
  },
  {
    // Departure and no-show are recorded per passenger on the airport board, which takes these steps.
    id: 'mark_departed',
    from: ['travel_booked'],
    to: 'departed',
    label: { en: 'Mark as departed', nl: 'Markeren als vertrokken' },
    appliedBy: 'airport_board',
    guards: [somePassengerDeparted],
  },
  {
    id: 'no_show_rebook',
    from: ['travel_booked'],
    to: 'travel_booked',
    label: { en: 'No-show: rebook', nl: 'Niet verschenen: opnieuw boeken' },
    appliedBy: 'airport_board',
    guards: BOOKING_GUARDS,
  },
  {
    id: 'no_show_documents',
    from: ['travel_booked'],
    to: 'travel_documents',
    label: { en: 'No-show: back to travel documents', nl: 'Niet verschenen: terug naar reisdocumenten' },
    appliedBy: 'airport_board',
    guards: [],
  },
  {
    id: 'confirm_arrival',
    from: ['departed'],
    to: 'arrived',
    label: { en: 'Confirm arrival', nl: 'Aankomst bevestigen' },
    appliedBy: 'arrival_handover',
    guards: [everyDepartedPassengerArrived],
  },
  {
    id: 'start_reintegration',
    from: ['arrived'],
    to: 'reintegration',
    label: { en: 'Start reintegration', nl: 'Re-integratie starten' },
    guards: [],
  },
  {
    id: 'start_monitoring',
    from: ['reintegration'],
    to: 'monitoring',
    label: { en: 'Start monitoring', nl: 'Monitoring starten' },
    guards: [],
  },
  {
    id: 'close',
    from: ['monitoring', 'arrived', 'ineligible'],
    to: 'closed',
    label: { en: 'Close case', nl: 'Zaak sluiten' },
    guards: [],
  },
  {
    id: 'withdraw',
    from: [...BEFORE_DEPARTURE, 'on_hold'],
    to: 'withdrawn',
    label: { en: 'Withdraw', nl: 'Intrekken' },
    requiresReason: true,
    guards: [notDepartedBeforeHold],
  },
  {
    id: 'put_on_hold',
    from: AVRR_STATUSES.filter((status) => isOpenStatus(status) && status !== 'on_hold'),
    to: 'on_hold',
    label: { en: 'Put on hold', nl: 'In de wacht zetten' },
    requiresReason: true,
    guards: [],
  },
  {
    id: 'resume',
    from: ['on_hold'],
    to: 'previous',
    label: { en: 'Resume', nl: 'Hervatten' },
    guards: [statusBeforeHoldStillHolds],
  },
];

export const avrrWorkflow: WorkflowDef<AvrrStatus, AvrrFacts> = {
  programme: 'avrr',
  statuses: AVRR_STATUSES,
  initial: 'registered',
  terminal: TERMINAL,
  statusLabels: STATUS_LABELS,
  transitions: TRANSITIONS,
};
