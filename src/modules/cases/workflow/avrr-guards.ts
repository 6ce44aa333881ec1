// Guards for the AVRR workflow: each returns null when it holds, or a reason in plain words.
import type { AvrrFacts } from './avrr-workflow.js';
import type { GuardFailure } from './workflow-types.js';

export function hasPersons(facts: AvrrFacts): GuardFailure | null {
  if (facts.persons.length > 0) return null;
  return {
    code: 'no_persons',
    message: {
      en: 'Add at least one person to the case first.',
      nl: 'Voeg eerst ten minste één persoon aan de zaak toe.',
    },
  };
}

/** Everyone travelling needs a document that is still valid on the day of booking. */
export function everyPersonHasValidTravelDocument(facts: AvrrFacts): GuardFailure | null {
  const missing = facts.persons
    .filter((person) => !person.travelDocuments.some((doc) => isValidOn(doc.validUntil, facts.today)))
    .map((person) => person.displayName.trim() || person.id);
  if (missing.length === 0) return null;
  const names = missing.join(', ');
  return {
    code: 'travel_document_missing',
    message: {
      en: `No valid travel document for: ${names}.`,
      nl: `Geen geldig reisdocument voor: ${names}.`,
    },
  };
}

// An unaccompanied minor travels only when both guardians have agreed: the one here and the one receiving.
export function guardianConfirmedHost(facts: AvrrFacts): GuardFailure | null {
  if (!isUnaccompaniedMinorCase(facts) || facts.guardianConfirmedHost) return null;
  return {
    code: 'guardian_host_unconfirmed',
    message: {
      en: 'The guardian in the host country has not yet confirmed the return of this unaccompanied minor.',
      nl: 'De voogd in het gastland heeft de terugkeer van deze alleenstaande minderjarige nog niet bevestigd.',
    },
  };
}

export function guardianConfirmedReturn(facts: AvrrFacts): GuardFailure | null {
  if (!isUnaccompaniedMinorCase(facts) || facts.guardianConfirmedReturn) return null;
  return {
    code: 'guardian_return_unconfirmed',
    message: {
      en: 'The guardian in the country of return has not yet confirmed they will receive this unaccompanied minor.',
      nl: 'De voogd in het land van terugkeer heeft nog niet bevestigd deze alleenstaande minderjarige op te vangen.',
    },
  };
}

export function noOpenBlockingTasks(facts: AvrrFacts): GuardFailure | null {
  const tasks = facts.openBlockingTasks ?? [];
  if (tasks.length === 0) return null;
  const titles = tasks.map((task) => `"${task.title}"`).join(', ');
  return {
    code: 'blocking_tasks_open',
    message: {
      en: `Finish these tasks first: ${titles}.`,
      nl: `Rond eerst deze taken af: ${titles}.`,
    },
  };
}

const NO_DECISION: GuardFailure = {
  code: 'eligibility_not_decided',
  message: {
    en: 'Record an eligibility decision first: the outcome of the eligibility check decides this step.',
    nl: 'Leg eerst een geschiktheidsbesluit vast: de uitkomst van de geschiktheidstoets bepaalt deze stap.',
  },
};

// The step must follow the recorded decision (or an officer's override of it), never contradict it.
export function eligibilityDecidedEligible(facts: AvrrFacts): GuardFailure | null {
  const decision = facts.eligibilityDecision;
  if (!decision) return NO_DECISION;
  if (decision.eligible) return null;
  return {
    code: 'eligibility_decision_ineligible',
    message: {
      en: 'The eligibility decision says the applicant is not eligible. An officer may override it with a written justification.',
      nl: 'Volgens het geschiktheidsbesluit komt de aanvrager niet in aanmerking. Een medewerker kan dit met een schriftelijke motivering overrulen.',
    },
  };
}

export function eligibilityDecidedIneligible(facts: AvrrFacts): GuardFailure | null {
  const decision = facts.eligibilityDecision;
  if (!decision) return NO_DECISION;
  if (!decision.eligible) return null;
  return {
    code: 'eligibility_decision_eligible',
    message: {
      en: 'The eligibility decision says the applicant is eligible. An officer may override it with a written justification.',
      nl: 'Volgens het geschiktheidsbesluit komt de aanvrager in aanmerking. Een medewerker kan dit met een schriftelijke motivering overrulen.',
    },
  };
}

function isUnaccompaniedMinorCase(facts: AvrrFacts): boolean {
  return facts.vulnerabilities.includes('unaccompanied_minor');
}

// Dates are ISO calendar dates, so string order is date order; anything else counts as not valid
// rather than letting a malformed date through.
const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;

function isValidOn(validUntil: string | null, today: string): boolean {
  if (validUntil === null) return true;
  if (!ISO_DATE.test(validUntil)) return false;
  return validUntil.slice(0, 10) >= today.slice(0, 10);
}

function namesOf(facts: AvrrFacts, ids: readonly string[]): string {
  return facts.persons
    .filter((person) => ids.includes(person.id))
    .map((person) => person.displayName.trim() || person.id)
    .join(', ');
}

function unseated(facts: AvrrFacts, seated: readonly string[]): string[] {
  return facts.persons.map((person) => person.id).filter((id) => !seated.includes(id));
}

/** Travel booked means a seat on a confirmed departure booking for every person of the case. */
export function everyTravellerSeatedOnConfirmedBooking(facts: AvrrFacts): GuardFailure | null {
  const missing = unseated(facts, facts.movements?.seated ?? []);
  if (missing.length === 0) return null;
  const names = namesOf(facts, missing);
  return {
    code: 'booking_not_confirmed',
    message: {
      en: `No confirmed booking for: ${names}. Confirm a booking for every traveller of the case.`,
      nl: `Geen bevestigde boeking voor: ${names}. Bevestig een boeking voor iedere reiziger van de zaak.`,
    },
  };
}

/** The case departs when a passenger of it was marked departed on the airport board. */
export function somePassengerDeparted(facts: AvrrFacts): GuardFailure | null {
  if ((facts.movements?.departed ?? []).length > 0) return null;
  return {
    code: 'no_passenger_departed',
    message: {
      en: 'No passenger of this case has been marked departed on the airport board.',
      nl: 'Geen passagier van deze zaak is op het luchthavenbord als vertrokken gemarkeerd.',
    },
  };
}

/** The case has arrived when everyone who departed has been handed over (or marked arrived). */
export function everyDepartedPassengerArrived(facts: AvrrFacts): GuardFailure | null {
  const departed = facts.movements?.departed ?? [];
  const arrived = facts.movements?.arrived ?? [];
  const waiting = departed.filter((id) => !arrived.includes(id));
  if (departed.length > 0 && waiting.length === 0) return null;
  const names = namesOf(facts, waiting);
  return {
    code: 'arrival_not_recorded',
    message: {
      en: names
        ? `The arrival of ${names} has not been recorded.`
        : 'No passenger of this case has departed.',
      nl: names
        ? `De aankomst van ${names} is niet vastgelegd.`
        : 'Geen passagier van deze zaak is vertrokken.',
    },
  };
}

// Resuming to travel booked is only true while the booking still holds everyone of the case.
export function statusBeforeHoldStillHolds(facts: AvrrFacts): GuardFailure | null {
  if (facts.status !== 'on_hold' || facts.previousStatus !== 'travel_booked') return null;
  const missing = unseated(facts, facts.movements?.onConfirmedBooking ?? []);
  if (missing.length === 0) return null;
  const names = namesOf(facts, missing);
  return {
    code: 'booking_no_longer_confirmed',
    message: {
      en: `The case was travel booked, but ${names} no longer has a confirmed booking: book again or withdraw.`,
      nl: `De zaak had een geboekte reis, maar ${names} heeft geen bevestigde boeking meer: boek opnieuw of trek in.`,
    },
  };
}
