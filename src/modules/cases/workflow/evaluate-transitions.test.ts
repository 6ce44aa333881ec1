import { describe, expect, it } from 'vitest';
import { AVRR_STATUSES, type AvrrFacts, type AvrrStatus, avrrWorkflow } from './avrr-workflow.js';
import { buildAvrrFacts } from './build-avrr-facts.js';
import { applyTransition, listTransitions, transitionAppliesFrom } from './evaluate-transitions.js';
import type { GuardFailure, WorkflowDef } from './workflow-types.js';

// A tiny workflow that exercises the evaluator without depending on AVRR's details.
type ToyStatus = 'open' | 'paused' | 'done';
type ToyFacts = { status: ToyStatus; previousStatus?: ToyStatus | null; ready: boolean };
const notReady: GuardFailure = { code: 'not_ready', message: { en: 'Not ready.', nl: 'Niet klaar.' } };

const toy: WorkflowDef<ToyStatus, ToyFacts> = {
  programme: 'toy',
  statuses: ['open', 'paused', 'done'],
  initial: 'open',
  terminal: ['done'],
  statusLabels: {
    open: { en: 'Open', nl: 'Open' },
    paused: { en: 'Paused', nl: 'Gepauzeerd' },
    done: { en: 'Done', nl: 'Klaar' },
  },
  transitions: [
    {
      id: 'finish',
      from: ['open'],
      to: 'done',
      label: { en: 'Finish', nl: 'Afronden' },
      guards: [(f) => (f.ready ? null : notReady)],
    },
    {
      id: 'pause',
      from: 'any-open',
      to: 'paused',
      label: { en: 'Pause', nl: 'Pauzeren' },
      requiresReason: true,
      guards: [],
    },
    {
      id: 'unpause',
      from: ['paused'],
      to: 'previous',
      label: { en: 'Unpause', nl: 'Hervatten' },
      guards: [],
    },
  ],
};

describe('applyTransition', () => {
  it('refuses an unknown transition', () => {
    const result = applyTransition(toy, { status: 'open', ready: true }, { transition: 'fly' });
    expect(result).toMatchObject({ ok: false, reasons: [{ code: 'unknown_transition' }] });
  });

  it('refuses a transition not from the current status, naming the status in both languages', () => {
    const result = applyTransition(toy, { status: 'paused', ready: true }, { transition: 'finish' });
    expect(result).toMatchObject({ ok: false, reasons: [{ code: 'not_from_status' }] });
    if (!result.ok) {
      expect(result.reasons[0]?.message.en).toContain('Paused');
      expect(result.reasons[0]?.message.nl).toContain('Gepauzeerd');
    }
  });

  it('reports a missing reason and failing guards together', () => {
    const facts: ToyFacts = { status: 'open', ready: false };
    const guarded = { ...toy, transitions: [{ ...toy.transitions[1]!, guards: [() => notReady] }] };
    const result = applyTransition(guarded, facts, { transition: 'pause', reason: '' });
    expect(result).toEqual({
      ok: false,
      reasons: [expect.objectContaining({ code: 'reason_required' }), notReady],
    });
  });

  it("treats 'any-open' as every non-terminal status", () => {
    const pause = toy.transitions[1]!;
    expect(toy.statuses.filter((s) => transitionAppliesFrom(toy, pause, s))).toEqual(['open', 'paused']);
  });

  it("resolves 'previous' and refuses when there is none", () => {
    expect(
      applyTransition(
        toy,
        { status: 'paused', previousStatus: 'open', ready: false },
        { transition: 'unpause' },
      ),
    ).toEqual({ ok: true, from: 'paused', to: 'open', transition: 'unpause' });
    expect(applyTransition(toy, { status: 'paused', ready: false }, { transition: 'unpause' })).toMatchObject(
      {
        ok: false,
        reasons: [{ code: 'no_previous_status' }],
      },
    );
  });

  it('does not throw on a status the definition does not know', () => {
    const facts = { status: 'archived' as ToyStatus, ready: true };
    expect(applyTransition(toy, facts, { transition: 'finish' })).toMatchObject({
      ok: false,
      reasons: [{ code: 'not_from_status', message: { en: expect.stringContaining('archived') } }],
    });
    expect(listTransitions(toy, facts)).toEqual([]);
  });
});

describe('listTransitions', () => {
  it('lists blocked transitions with their reasons, in definition order', () => {
    expect(listTransitions(toy, { status: 'open', ready: false })).toEqual([
      {
        transition: 'finish',
        to: 'done',
        label: toy.transitions[0]!.label,
        allowed: false,
        requiresReason: false,
        reasons: [notReady],
      },
      {
        transition: 'pause',
        to: 'paused',
        label: toy.transitions[1]!.label,
        allowed: true,
        requiresReason: true,
        reasons: [],
      },
    ]);
  });

  it('blocks a resume without an earlier status', () => {
    const [unpause] = listTransitions(toy, { status: 'paused', ready: false }).filter(
      (o) => o.transition === 'unpause',
    );
    expect(unpause).toMatchObject({
      to: 'previous',
      allowed: false,
      reasons: [{ code: 'no_previous_status' }],
    });
  });

  it('lists AVRR booking as blocked with every reason', () => {
    const facts = buildAvrrFacts({
      status: 'travel_documents',
      persons: [{ id: 'p1', displayName: 'Omar', travelDocuments: [] }],
      vulnerabilities: ['unaccompanied_minor'],
      openBlockingTasks: [{ title: 'Family tracing' }],
    });
    const booking = listTransitions(avrrWorkflow, facts).find((o) => o.transition === 'book_travel');
    expect(booking?.allowed).toBe(false);
    expect(booking?.reasons.map((r) => r.code)).toEqual([
      'travel_document_missing',
      'guardian_host_unconfirmed',
      'guardian_return_unconfirmed',
      'blocking_tasks_open',
    ]);
  });
});

// Exhaustive: every status × every earlier status × every transition id, against AVRR facts that
// either pass or fail every guard.
describe('AVRR evaluator properties', () => {
  const blocking: Partial<AvrrFacts> = {
    persons: [
      { id: 'p1', displayName: 'Omar', travelDocuments: [{ kind: 'passport', validUntil: '2020-01-01' }] },
    ],
    vulnerabilities: ['unaccompanied_minor'],
    openBlockingTasks: [{ title: 'Open task' }],
    eligibilityDecision: { id: 'd1', eligible: false, overridden: false },
    movements: { seated: [], onConfirmedBooking: [], departed: [], arrived: [] },
  };
  const nobody: Partial<AvrrFacts> = { persons: [] };
  const passing: Partial<AvrrFacts> = {
    vulnerabilities: ['unaccompanied_minor'],
    guardianConfirmedHost: true,
    guardianConfirmedReturn: true,
    eligibilityDecision: { id: 'd1', eligible: true, overridden: false },
  };
  const ids = [...avrrWorkflow.transitions.map((t) => t.id), 'not_a_transition'];
  const previousStatuses: (AvrrStatus | null)[] = [null, ...AVRR_STATUSES];
  const scenarios = AVRR_STATUSES.flatMap((status) =>
    previousStatuses.flatMap((previousStatus) =>
      [passing, blocking, nobody].map((extra) => buildAvrrFacts({ ...extra, status, previousStatus })),
    ),
  );

  it('never throws, and only succeeds from a status listed in `from`', () => {
    for (const facts of scenarios) {
      for (const id of ids) {
        for (const reason of [undefined, 'Because']) {
          const result = applyTransition(avrrWorkflow, facts, { transition: id, reason });
          if (!result.ok) {
            expect(result.reasons.length).toBeGreaterThan(0);
            continue;
          }
          const def = avrrWorkflow.transitions.find((t) => t.id === id);
          expect(def && transitionAppliesFrom(avrrWorkflow, def, facts.status)).toBe(true);
          expect(result.from).toBe(facts.status);
          expect(AVRR_STATUSES).toContain(result.to);
        }
      }
    }
  });

  it('lists exactly the transitions from the current status, and allowed matches applyTransition', () => {
    for (const facts of scenarios) {
      const options = listTransitions(avrrWorkflow, facts);
      const expected = avrrWorkflow.transitions.filter(
        (t) => t.from !== 'any-open' && t.from.includes(facts.status),
      );
      expect(options.map((o) => o.transition)).toEqual(expected.map((t) => t.id));
      for (const option of options) {
        const result = applyTransition(avrrWorkflow, facts, {
          transition: option.transition,
          reason: 'Because',
        });
        expect(result.ok).toBe(option.allowed);
        expect(result.ok ? [] : result.reasons).toEqual(option.reasons);
        if (result.ok) expect(result.to).toBe(option.to);
      }
    }
  });

  it('explains every refusal in English and Dutch', () => {
    const seen = new Set<string>();
    for (const facts of scenarios) {
      for (const id of ids) {
        const result = applyTransition(avrrWorkflow, facts, { transition: id });
        if (result.ok) continue;
        for (const { code, message } of result.reasons) {
          seen.add(code);
          expect(message.en.trim(), code).not.toBe('');
          expect(message.nl.trim(), code).not.toBe('');
          expect(message.nl, code).not.toBe(message.en);
        }
      }
    }
    expect([...seen].sort()).toEqual(
      [
        'already_departed',
        'arrival_not_recorded',
        'blocking_tasks_open',
        'booking_no_longer_confirmed',
        'booking_not_confirmed',
        'eligibility_decision_eligible',
        'eligibility_decision_ineligible',
        'eligibility_not_decided',
        'guardian_host_unconfirmed',
        'guardian_return_unconfirmed',
        'no_passenger_departed',
        'no_persons',
        'no_previous_status',
        'not_from_status',
        'reason_required',
        'recorded_at_arrival_handover',
        'recorded_on_airport_board',
        'recorded_on_booking',
        'travel_document_missing',
        'unknown_transition',
      ].sort(),
    );
  });
});
