export {
  AVRR_STATUSES,
  type AvrrFacts,
  type AvrrStatus,
  type AvrrVulnerability,
  avrrWorkflow,
  isAvrrStatus,
  isOpenStatus,
} from './avrr-workflow.js';
export { applyTransition, listTransitions, transitionAppliesFrom } from './evaluate-transitions.js';
export type {
  Guard,
  GuardFailure,
  LocalizedText,
  TransitionDef,
  TransitionOption,
  TransitionRequest,
  TransitionResult,
  WorkflowDef,
  WorkflowFacts,
} from './workflow-types.js';
export { getWorkflow, type ProgrammeWorkflow } from './workflows.js';
