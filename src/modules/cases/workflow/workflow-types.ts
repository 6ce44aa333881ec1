// Generic shapes for a programme's case workflow, declared as data so the API and UI
// can offer only the transitions possible now and explain why the others are not.

/** Text shown to users, in every language the UI supports. */
export type LocalizedText = { en: string; nl: string };

/** Why a transition is refused, in plain words a caseworker can act on. */
export type GuardFailure = { code: string; message: LocalizedText };

/** The minimum every programme's facts must carry for the evaluator to work. */
export type WorkflowFacts<S extends string> = { status: S; previousStatus?: S | null };

/** A guard returns null when it holds, or the reason the transition is refused. */
export type Guard<F> = (facts: F) => GuardFailure | null;

/**
 * Where a step is recorded when it is the consequence of a movement fact rather than a decision:
 * the passenger's status on the airport board, the arrival handover, or the booking itself.
 */
export type MovementSource = 'airport_board' | 'arrival_handover' | 'booking';

export type TransitionDef<S extends string, F> = {
  id: string;
  /** Only this movement service may take the step; asked for anywhere else, it is refused. */
  appliedBy?: MovementSource;
  /** 'any-open' means every status that is not terminal. */
  from: readonly S[] | 'any-open';
  /** 'previous' returns to facts.previousStatus (resuming a case that was put on hold). */
  to: S | 'previous';
  label: LocalizedText;
  requiresReason?: boolean;
  guards: ReadonlyArray<Guard<F>>;
};

export type WorkflowDef<S extends string, F> = {
  programme: string;
  statuses: readonly S[];
  initial: S;
  terminal: readonly S[];
  statusLabels: Record<S, LocalizedText>;
  transitions: readonly TransitionDef<S, F>[];
};

/** One transition as offered from the current status, with the reasons it is blocked, if any. */
export type TransitionOption = {
  transition: string;
  to: string;
  label: LocalizedText;
  allowed: boolean;
  requiresReason: boolean;
  reasons: GuardFailure[];
};

export type TransitionResult<S extends string> =
  | { ok: true; from: S; to: S; transition: string }
  | { ok: false; reasons: GuardFailure[] };

/** `via` names the movement service taking the step; absent for a caseworker's request. */
export type TransitionRequest = { transition: string; reason?: string; via?: MovementSource };
