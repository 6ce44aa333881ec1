import { describe, expect, it } from 'vitest';
import {
  AVRR_STATUSES,
  type AvrrFacts,
  type AvrrStatus,
  avrrWorkflow,
  isOpenStatus,
} from './avrr-workflow.js';
import { buildAvrrFacts } from './build-avrr-facts.js';
import { applyTransition, listTransitions } from './evaluate-transitions.js';
import { getWorkflow } from './workflows.js';

const REASON = 'Requested by the applicant';

// The steps that state a movement fact, and the movements service that takes each of them.
const VIA = {
  mark_departed: 'airport_board',
  no_show_rebook: 'airport_board',
  no_show_documents: 'airport_board',
  confirm_arrival: 'arrival_handover',
  cancel_travel: 'booking',
} as const;

function apply(transition: string, overrides: Partial<AvrrFacts>, reason?: string) {
  const via = VIA[transition as keyof typeof VIA];
  return applyTransition(avrrWorkflow, buildAvrrFacts(overrides), { transition, reason, via });
}

function codes(result: ReturnType<typeof apply>): string[] {
  return result.ok ? [] : result.reasons.map((r) => r.code);
}

function person(displayName: string, validUntil: string | null, id = displayName) {
  return { id, displayName, travelDocuments: [{ kind: 'laissez_passer', validUntil }] };
}

const PRE_DEPARTURE: AvrrStatus[] = [
  'registered',
  'counselling',
  'application_submitted',
  'eligible',
  'ineligible',
  'travel_documents',
  'travel_booked',
];

describe('AVRR happy paths', () => {
  const cases: [transition: string, from: AvrrStatus, to: AvrrStatus, reason?: string][] = [
    ['start_counselling', 'registered', 'counselling'],
    ['submit_application', 'counselling', 'application_submitted'],
    ['decide_eligible', 'application_submitted', 'eligible'],
    ['decide_ineligible', 'application_submitted', 'ineligible', 'No valid claim to assistance'],
    ['request_travel_documents', 'eligible', 'travel_documents'],
    ['book_travel', 'travel_documents', 'travel_booked'],
    ['mark_departed', 'travel_booked', 'departed'],
    ['no_show_rebook', 'travel_booked', 'travel_booked'],
    ['no_show_documents', 'travel_booked', 'travel_documents'],
    ['cancel_travel', 'travel_booked', 'travel_documents'],
    ['confirm_arrival', 'departed', 'arrived'],
    ['start_reintegration', 'arrived', 'reintegration'],
    ['start_monitoring', 'reintegration', 'monitoring'],
    ['close', 'monitoring', 'closed'],
    ['close', 'arrived', 'closed'],
    ['close', 'ineligible', 'closed'],
    ...PRE_DEPARTURE.map((from): [string, AvrrStatus, AvrrStatus, string] => [
      'withdraw',
      from,
      'withdrawn',
      REASON,
    ]),
    ...AVRR_STATUSES.filter((s) => isOpenStatus(s) && s !== 'on_hold').map(
      (from): [string, AvrrStatus, AvrrStatus, string] => ['put_on_hold', from, 'on_hold', REASON],
    ),
  ];

  // Deciding follows the recorded eligibility decision, and the movement steps follow their facts:
  // give each step the facts it needs.
  const travelled = { seated: [], onConfirmedBooking: ['p1'], departed: ['p1'], arrived: [] };
  const decisionFor: Record<string, Partial<AvrrFacts>> = {
    decide_eligible: { eligibilityDecision: { id: 'd1', eligible: true, overridden: false } },
    decide_ineligible: { eligibilityDecision: { id: 'd1', eligible: false, overridden: false } },
    mark_departed: { movements: travelled },
    confirm_arrival: { movements: { ...travelled, arrived: ['p1'] } },
  };

  it.each(cases)('%s: %s → %s', (transition, from, to, reason) => {
    expect(apply(transition, { status: from, ...decisionFor[transition] }, reason)).toEqual({
      ok: true,
      from,
      to,
      transition,
    });
  });

  it('covers every transition of the definition', () => {
    const covered = new Set([...cases.map(([id]) => id), 'resume']);
    expect(avrrWorkflow.transitions.map((t) => t.id).filter((id) => !covered.has(id))).toEqual([]);
  });
});

describe('deciding eligibility', () => {
  const decision = (eligible: boolean, overridden = false) => ({ id: 'd1', eligible, overridden });

  it.each([
    ['decide_eligible', null, ['eligibility_not_decided']],
    ['decide_eligible', decision(true), []],
    ['decide_eligible', decision(false), ['eligibility_decision_ineligible']],
    ['decide_eligible', decision(true, true), []],
    ['decide_ineligible', null, ['eligibility_not_decided']],
    ['decide_ineligible', decision(false), []],
    ['decide_ineligible', decision(true), ['eligibility_decision_eligible']],
    ['decide_ineligible', decision(false, true), []],
  ] as const)('%s with decision %j refuses with %j', (transition, eligibilityDecision, expected) => {
    const result = apply(transition, { status: 'application_submitted', eligibilityDecision }, REASON);
    expect(codes(result)).toEqual(expected);
  });

  it('says in English and Dutch that a decision must be recorded first', () => {
    const result = apply('decide_eligible', { status: 'application_submitted' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reasons[0]?.message.en).toContain('Record an eligibility decision first');
      expect(result.reasons[0]?.message.nl).toContain('geschiktheidsbesluit');
    }
  });

  it('still works for facts built without the decision field (older callers)', () => {
    const { eligibilityDecision: _omitted, ...facts } = buildAvrrFacts({ status: 'application_submitted' });
    expect(codes(applyTransition(avrrWorkflow, facts, { transition: 'decide_eligible' }))).toEqual([
      'eligibility_not_decided',
    ]);
  });
});

describe('submitting the application', () => {
  it('is refused without any person on the case', () => {
    expect(codes(apply('submit_application', { status: 'counselling', persons: [] }))).toEqual([
      'no_persons',
    ]);
  });
});

describe('booking travel', () => {
  it.each([
    ['a document without end date', null, true],
    ['a document valid until today', '2025-06-01', true],
    ['a document valid until later', '2025-12-31', true],
    ['an expired document', '2025-05-31', false],
    ['a malformed expiry date', '31-12-2030', false],
  ])('with %s: allowed=%s', (_label, validUntil, allowed) => {
    const result = apply('book_travel', {
      status: 'travel_documents',
      persons: [person('Omar', validUntil)],
    });
    expect(result.ok).toBe(allowed);
    if (!allowed) expect(codes(result)).toEqual(['travel_document_missing']);
  });

  it('names every person without a valid document', () => {
    const persons = [
      person('Omar', '2020-01-01'),
      person('Sara', null),
      { id: 'p3', displayName: 'Lina', travelDocuments: [] },
    ];
    const result = apply('book_travel', { status: 'travel_documents', persons });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reasons[0]?.message.en).toContain('Omar, Lina');
      expect(result.reasons[0]?.message.nl).toContain('Omar, Lina');
      expect(result.reasons[0]?.message.en).not.toContain('Sara');
    }
  });

  it.each([
    [false, false, ['guardian_host_unconfirmed', 'guardian_return_unconfirmed']],
    [true, false, ['guardian_return_unconfirmed']],
    [false, true, ['guardian_host_unconfirmed']],
    [true, true, []],
  ])('for an unaccompanied minor with host=%s, return=%s refuses with %j', (host, ret, expected) => {
    const result = apply('book_travel', {
      status: 'travel_documents',
      vulnerabilities: ['unaccompanied_minor'],
      guardianConfirmedHost: host,
      guardianConfirmedReturn: ret,
    });
    expect(codes(result)).toEqual(expected);
  });

  it('does not ask guardians to confirm when the case has no unaccompanied minor', () => {
    expect(apply('book_travel', { status: 'travel_documents', vulnerabilities: ['health_needs'] }).ok).toBe(
      true,
    );
  });

  it('is refused while blocking tasks are open, naming them', () => {
    const result = apply('book_travel', {
      status: 'travel_documents',
      openBlockingTasks: [{ title: 'Medical escort' }, { title: 'Fit to fly' }],
    });
    expect(codes(result)).toEqual(['blocking_tasks_open']);
    if (!result.ok) expect(result.reasons[0]?.message.en).toContain('"Medical escort", "Fit to fly"');
  });

  it('applies the same checks when rebooking after a no-show', () => {
    const persons = [person('Omar', '2020-01-01')];
    expect(codes(apply('no_show_rebook', { status: 'travel_booked', persons }))).toEqual([
      'travel_document_missing',
    ]);
  });
});

describe('steps that follow movement facts', () => {
  it('books travel only with a confirmed seat for every person of the case', () => {
    const facts = {
      status: 'travel_documents' as const,
      persons: [person('Amina', '2030-01-01', 'p1'), person('Omar', '2030-01-01', 'p2')],
    };
    const noBooking = apply('book_travel', { ...facts, movements: undefined });
    expect(codes(noBooking)).toEqual(['booking_not_confirmed']);
    const oneSeat = apply('book_travel', {
      ...facts,
      movements: { seated: ['p1'], onConfirmedBooking: ['p1'], departed: [], arrived: [] },
    });
    expect(codes(oneSeat)).toEqual(['booking_not_confirmed']);
    if (!oneSeat.ok) expect(oneSeat.reasons[0]!.message.en).toContain('Omar');
    const both = { seated: ['p1', 'p2'], onConfirmedBooking: ['p1', 'p2'], departed: [], arrived: [] };
    expect(apply('book_travel', { ...facts, movements: both }).ok).toBe(true);
  });

  it.each([
    ['mark_departed', 'travel_booked', 'recorded_on_airport_board'],
    ['no_show_rebook', 'travel_booked', 'recorded_on_airport_board'],
    ['no_show_documents', 'travel_booked', 'recorded_on_airport_board'],
    ['confirm_arrival', 'departed', 'recorded_at_arrival_handover'],
    ['cancel_travel', 'travel_booked', 'recorded_on_booking'],
  ] as const)('%s is refused to a caseworker (%s): %s', (transition, status, code) => {
    const result = applyTransition(avrrWorkflow, buildAvrrFacts({ status }), { transition });
    expect(codes(result)).toContain(code);
    const option = listTransitions(avrrWorkflow, buildAvrrFacts({ status })).find(
      (o) => o.transition === transition,
    );
    expect(option).toMatchObject({ allowed: false });
    expect(option!.reasons.map((r) => r.code)).toContain(code);
  });

  it('departs only when a passenger departed, and arrives only when everyone who departed arrived', () => {
    const none = { seated: [], onConfirmedBooking: [], departed: [], arrived: [] };
    expect(codes(apply('mark_departed', { status: 'travel_booked', movements: none }))).toEqual([
      'no_passenger_departed',
    ]);
    const persons = [person('Amina', '2030-01-01', 'p1'), person('Omar', '2030-01-01', 'p2')];
    const waiting = { ...none, departed: ['p1', 'p2'], arrived: ['p1'] };
    const result = apply('confirm_arrival', { status: 'departed', persons, movements: waiting });
    expect(codes(result)).toEqual(['arrival_not_recorded']);
    if (!result.ok) expect(result.reasons[0]!.message.en).toContain('Omar');
  });

  it('resumes to travel booked only while the booking still holds everyone', () => {
    const onHold = { status: 'on_hold' as const, previousStatus: 'travel_booked' as const };
    const cancelled = { seated: [], onConfirmedBooking: [], departed: [], arrived: [] };
    expect(codes(apply('resume', { ...onHold, movements: cancelled }))).toEqual([
      'booking_no_longer_confirmed',
    ]);
    expect(apply('resume', onHold)).toMatchObject({ ok: true, to: 'travel_booked' });
  });
});

describe('withdrawal', () => {
  it.each(['departed', 'arrived', 'reintegration', 'monitoring'] as const)(
    'is not offered once %s',
    (status) => {
      expect(codes(apply('withdraw', { status }, REASON))).toEqual(['not_from_status']);
    },
  );

  it('is refused without a reason', () => {
    expect(codes(apply('withdraw', { status: 'eligible' }))).toEqual(['reason_required']);
    expect(codes(apply('withdraw', { status: 'eligible' }, '   '))).toEqual(['reason_required']);
  });

  it.each(PRE_DEPARTURE)('is allowed from on hold when the case was %s before', (previousStatus) => {
    expect(apply('withdraw', { status: 'on_hold', previousStatus }, REASON).ok).toBe(true);
  });

  it.each(['departed', 'arrived', 'reintegration', 'monitoring'] as const)(
    'is refused from on hold when the case was %s before',
    (previousStatus) => {
      expect(codes(apply('withdraw', { status: 'on_hold', previousStatus }, REASON))).toEqual([
        'already_departed',
      ]);
    },
  );

  it('is refused from on hold when the earlier status is unknown', () => {
    expect(codes(apply('withdraw', { status: 'on_hold', previousStatus: null }, REASON))).toEqual([
      'no_previous_status',
    ]);
  });
});

describe('on hold and resume', () => {
  it.each(AVRR_STATUSES.filter((s) => isOpenStatus(s) && s !== 'on_hold'))(
    'returns to %s after a hold',
    (status) => {
      const held = apply('put_on_hold', { status }, REASON);
      expect(held).toEqual({ ok: true, from: status, to: 'on_hold', transition: 'put_on_hold' });
      const resumed = apply('resume', { status: 'on_hold', previousStatus: status });
      expect(resumed).toEqual({ ok: true, from: 'on_hold', to: status, transition: 'resume' });
    },
  );

  it('needs a reason to put a case on hold', () => {
    expect(codes(apply('put_on_hold', { status: 'counselling' }))).toEqual(['reason_required']);
  });

  it('cannot hold a case twice or hold a finished case', () => {
    for (const status of ['on_hold', 'closed', 'withdrawn'] as const) {
      expect(codes(apply('put_on_hold', { status }, REASON))).toEqual(['not_from_status']);
    }
  });

  it.each([null, undefined, 'on_hold', 'closed', 'withdrawn'] as const)(
    'cannot resume to %s',
    (previousStatus) => {
      expect(codes(apply('resume', { status: 'on_hold', previousStatus }))).toEqual(['no_previous_status']);
    },
  );
});

describe('listTransitions for AVRR', () => {
  it('offers nothing from a terminal status', () => {
    expect(listTransitions(avrrWorkflow, buildAvrrFacts({ status: 'closed' }))).toEqual([]);
    expect(listTransitions(avrrWorkflow, buildAvrrFacts({ status: 'withdrawn' }))).toEqual([]);
  });

  it('shows where resume leads', () => {
    const options = listTransitions(
      avrrWorkflow,
      buildAvrrFacts({ status: 'on_hold', previousStatus: 'eligible' }),
    );
    expect(options.find((o) => o.transition === 'resume')).toMatchObject({ to: 'eligible', allowed: true });
  });
});

describe('AVRR definition', () => {
  it('labels every status in English and Dutch', () => {
    for (const status of AVRR_STATUSES) {
      expect(avrrWorkflow.statusLabels[status].en).not.toBe('');
      expect(avrrWorkflow.statusLabels[status].nl).not.toBe('');
    }
  });

  it('has unique transition ids, only known statuses, and nothing leaving a terminal status', () => {
    const ids = avrrWorkflow.transitions.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const t of avrrWorkflow.transitions) {
      const from = t.from === 'any-open' ? [] : t.from;
      for (const status of from) {
        expect(AVRR_STATUSES).toContain(status);
        expect(avrrWorkflow.terminal).not.toContain(status);
      }
      if (t.to !== 'previous') expect(AVRR_STATUSES).toContain(t.to);
    }
  });

  it('is found by programme name and nothing else is', () => {
    expect(getWorkflow('avrr')).toBe(avrrWorkflow);
    expect(getWorkflow('resettlement')).toBeUndefined();
    expect(getWorkflow('constructor')).toBeUndefined();
  });
});
