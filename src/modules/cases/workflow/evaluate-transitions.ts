import type {
  GuardFailure,
  LocalizedText,
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
      const reasons = [...targetFailures(target), ...guardFailures(transition, facts)];
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
  reasons.push(...targetFailures(target), ...guardFailures(transition, facts));
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
