import type { Actor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/database.js';
import type { CaseInclude } from './case-schemas.js';
import { getCaseDetail } from './get-case.js';
import { getCaseTimeline } from './get-timeline.js';
import type { CaseRow } from './load-case.js';
import { listCaseTransitions } from './transition-case.js';

/**
 * The case page in one answer: the case as `GET /cases/{id}` gives it, with the parts asked for in
 * `include` (its workflow steps and its timeline, the same lists as their own routes give), all from
 * the one case row the caller loaded and authorised, so the page costs one request and one read of
 * the case instead of three.
 */
export async function getCasePage(
  db: Executor,
  actor: Actor,
  kase: CaseRow,
  include: readonly CaseInclude[],
  now: Date,
) {
  const detail = await getCaseDetail(db, actor, kase);
  return {
    case: detail,
    ...(include.includes('transitions')
      ? { transitions: await listCaseTransitions(db, actor, kase, now) }
      : {}),
    ...(include.includes('timeline') ? { timeline: await getCaseTimeline(db, kase) } : {}),
  };
}
