import { type AvrrFacts, type AvrrStatus, avrrWorkflow } from './avrr-workflow.js';
import type { WorkflowDef } from './workflow-types.js';

/** Any programme's workflow; becomes a union as more programmes are added. */
export type ProgrammeWorkflow = WorkflowDef<AvrrStatus, AvrrFacts>;

// A Map, not an object literal, so names like "constructor" never resolve to something.
const WORKFLOWS = new Map<string, ProgrammeWorkflow>([[avrrWorkflow.programme, avrrWorkflow]]);

/** The workflow of a programme, or undefined when the programme has none (yet). */
export function getWorkflow(programme: string): ProgrammeWorkflow | undefined {
  return WORKFLOWS.get(programme);
}
