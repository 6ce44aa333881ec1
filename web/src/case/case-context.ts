import type { ApiError } from '../api/client.js';
import type { CaseDetail } from '../api/types.js';

/** What every panel of the case page gets: the case and ways to report changes. */
export interface CasePanelProps {
  kase: CaseDetail;
  /** Something happened on the case (note, task, upload...): refresh timeline and transitions. */
  onActivity: () => void;
}

/** Panels that change the case itself get these too. */
export interface CaseMutationProps extends CasePanelProps {
  /** PATCH the case with its current version; throws ApiError (409 when the version is stale). */
  patchCase: (changes: Record<string, unknown>) => Promise<void>;
  /** The server returned a new version of the case. */
  onCaseChanged: (kase: CaseDetail) => void;
  /** Report an error; a 409 shows the "changed by someone else" banner. */
  onConflict: (error: ApiError) => boolean;
}
