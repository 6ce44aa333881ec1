export {
  AVRR_STATUSES,
  type AvrrFacts,
  type AvrrMovementFacts,
  type AvrrStatus,
  type AvrrVulnerability,
  avrrWorkflow,
  isAvrrStatus,
  isOpenStatus,
} from './avrr-workflow.js';
export {
  applyTransition,
  isMovementSourceFailure,
  listTransitions,
  transitionAppliesFrom,
} from './evaluate-transitions.js';
export type {
  Guard,
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
export { getWorkflow, type ProgrammeWorkflow } from './workflows.js';
