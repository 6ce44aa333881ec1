import type {
  GuardFailure,
  LocalizedText,
  MovementSource,
  TransitionDef,
  TransitionOption,
  TransitionRequest,
  TransitionResult,
  WorkflowDef,
  WorkflowFacts,
} from './workflow-types.js';

/** True when the transition may start from `status`, before any guard is checked. */
export function transitionAppliesFrom<S extends string, F>(
  def: WorkflowDef<S, F>,
  transition: TransitionDef<S, F>,
  status: S,
): boolean {
  if (transition.from === 'any-open') {
    return def.statuses.includes(status) && !def.terminal.includes(status);
  }
  return transition.from.includes(status);
}

/** Options for every transition that starts from the current status, allowed or not, in definition order. */
export function listTransitions<S extends string, F extends WorkflowFacts<S>>(
  def: WorkflowDef<S, F>,
  facts: F,
): TransitionOption[] {
  return def.transitions
    .filter((transition) => transitionAppliesFrom(def, transition, facts.status))
    .map((transition) => {
      const target = resolveTarget(def, transition, facts);
      const reasons = [
        ...sourceFailures(transition, undefined),
        ...targetFailures(target),
        ...guardFailures(transition, facts),
      ];
      return {
        transition: transition.id,
        // An unresolved 'previous' stays visible as such; its reason explains why.
        to: target.ok ? target.to : transition.to,
        label: transition.label,
        allowed: reasons.length === 0,
        requiresReason: transition.requiresReason === true,
        reasons,
      };
    });
}

/** Decide whether the requested transition may happen now: the new status, or every reason it may not. */
export function applyTransition<S extends string, F extends WorkflowFacts<S>>(
  def: WorkflowDef<S, F>,
  facts: F,
  request: TransitionRequest,
): TransitionResult<S> {
  const transition = def.transitions.find((candidate) => candidate.id === request.transition);
  if (!transition) {
    return refuse({
      code: 'unknown_transition',
      message: {
        en: `"${request.transition}" is not a step in this workflow.`,
        nl: `"${request.transition}" is geen stap in deze workflow.`,
      },
    });
  }
  if (!transitionAppliesFrom(def, transition, facts.status)) {
    const label = statusLabel(def, facts.status);
    return refuse({
      code: 'not_from_status',
      message: {
        en: `"${transition.label.en}" is not possible while the case is "${label.en}".`,
        nl: `"${transition.label.nl}" is niet mogelijk zolang de zaak de status "${label.nl}" heeft.`,
      },
    });
  }

  // Report every problem at once so the caseworker can fix them in one go.
  const target = resolveTarget(def, transition, facts);
  const reasons: GuardFailure[] = [];
  if (transition.requiresReason && !request.reason?.trim()) {
    reasons.push({
      code: 'reason_required',
      message: { en: 'Give a reason for this step.', nl: 'Geef een reden op voor deze stap.' },
    });
  }
  reasons.push(
    ...sourceFailures(transition, request.via),
    ...targetFailures(target),
    ...guardFailures(transition, facts),
  );
  if (reasons.length > 0 || !target.ok) return { ok: false, reasons };
  return { ok: true, from: facts.status, to: target.to, transition: transition.id };
}

type Target<S extends string> = { ok: true; to: S } | { ok: false; failure: GuardFailure };

function resolveTarget<S extends string, F extends WorkflowFacts<S>>(
  def: WorkflowDef<S, F>,
  transition: TransitionDef<S, F>,
  facts: F,
): Target<S> {
  if (transition.to !== 'previous') return { ok: true, to: transition.to };
  const previous = facts.previousStatus;
  // Returning to the same, an unknown or a terminal status would hide a data error, so refuse instead.
  const usable =
    previous != null &&
    previous !== facts.status &&
    def.statuses.includes(previous) &&
    !def.terminal.includes(previous);
  if (usable) return { ok: true, to: previous };
  return {
    ok: false,
    failure: {
      code: 'no_previous_status',
      message: {
        en: 'There is no earlier status to return to.',
        nl: 'Er is geen eerdere status om naar terug te keren.',
      },
    },
  };
}

const SOURCE_FAILURES: Record<MovementSource, GuardFailure> = {
  airport_board: {
    code: 'recorded_on_airport_board',
    message: {
      en: 'This follows from the passengers’ status on the airport board: mark the passengers departed or no-show there.',
      nl: 'Dit volgt uit de status van de passagiers op het luchthavenbord: markeer de passagiers daar als vertrokken of niet verschenen.',
    },
  },
  arrival_handover: {
    code: 'recorded_at_arrival_handover',
    message: {
      en: 'This follows from the arrival: record the handover (or arrival) of every passenger who departed on the airport board.',
      nl: 'Dit volgt uit de aankomst: leg op het luchthavenbord de overdracht (of aankomst) vast van iedere vertrokken passagier.',
    },
  },
  booking: {
    code: 'recorded_on_booking',
    message: {
      en: 'This follows from the booking: cancel or change the booking instead.',
      nl: 'Dit volgt uit de boeking: annuleer of wijzig de boeking.',
    },
  },
};

/** True when the reason says the step belongs to a movement service, not to a caseworker's request. */
export function isMovementSourceFailure(failure: GuardFailure): boolean {
  return Object.values(SOURCE_FAILURES).some((source) => source.code === failure.code);
}

// A step that states a movement fact is taken only by the service that records the fact.
function sourceFailures<S extends string, F>(
  transition: TransitionDef<S, F>,
  via: MovementSource | undefined,
): GuardFailure[] {
  if (!transition.appliedBy || transition.appliedBy === via) return [];
  return [SOURCE_FAILURES[transition.appliedBy]];
}

function targetFailures<S extends string>(target: Target<S>): GuardFailure[] {
  return target.ok ? [] : [target.failure];
}

function guardFailures<S extends string, F>(transition: TransitionDef<S, F>, facts: F): GuardFailure[] {
  return transition.guards.map((guard) => guard(facts)).filter((failure) => failure !== null);
}

function statusLabel<S extends string, F>(def: WorkflowDef<S, F>, status: S): LocalizedText {
  // The status may come from stored data that predates the current definition.
  const labels: Partial<Record<string, LocalizedText>> = def.statusLabels;
  return labels[status] ?? { en: status, nl: status };
}

function refuse(failure: GuardFailure): { ok: false; reasons: GuardFailure[] } {
  return { ok: false, reasons: [failure] };
}
