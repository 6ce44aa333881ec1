import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { RestrictedCategory } from '../../platform/auth/need-to-know.js';
import { withTransaction } from '../../platform/db/transaction.js';
import { recordSensitiveRead, withBreakGlass } from './restricted-data.js';
import { cases } from './schema.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * `self`: the handler writes its own access-log entry, with the case's categories and what else
     * restricted it showed (notes, a document), so the case-read hook leaves the route alone.
     */
    accessLog?: 'self';
  }
}

// The vulnerability flags that make a whole case restricted data, and the category each one is.
const CASE_CATEGORIES: Record<string, RestrictedCategory> = {
  victim_of_trafficking: 'trafficking',
  unaccompanied_minor: 'minor',
};

/** The restricted categories a case is as a whole: a trafficking victim's, an unaccompanied minor's. */
export function caseCategories(kase: { vulnerabilities: readonly string[] }): RestrictedCategory[] {
  return kase.vulnerabilities.flatMap((flag) => {
    const category = CASE_CATEGORIES[flag];
    return category ? [category] : [];
  });
}

// A read of a case or anything under it: /cases/:id, /cases/:id/timeline, /cases/:id/documents/…
const CASE_READ = /^\/api\/v1\/cases\/:id(?:\/(.+))?$/;

/**
 * The one place that logs reads of restricted cases: every successful GET of a case of a
 * trafficking victim or an unaccompanied minor, or of anything under it (timeline, transitions,
 * tasks, documents, procedures, travel, bookings, and every sub-resource added later), writes a
 * `case.read_sensitive` entry naming what was read, before the answer leaves. If the entry cannot
 * be written the answer is not sent. Registered once for every module's routes
 * (src/modules/index.ts).
 */
export function registerRestrictedCaseReadLog(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.method !== 'GET' || reply.statusCode >= 300 || !request.actor) return payload;
    const match = CASE_READ.exec(request.routeOptions.url ?? '');
    if (!match || request.routeOptions.config.accessLog === 'self') return payload;
    const params = request.params as Record<string, string>;
    const actor = request.actor;
    // An ordinary case costs one read by primary key; only a restricted one opens a transaction.
    const [kase] = await request.server.database.db
      .select()
      .from(cases)
      .where(and(eq(cases.missionId, actor.missionId), eq(cases.id, params.id ?? '')));
    if (!kase) return payload;
    const categories = caseCategories(kase);
    if (categories.length === 0) return payload;
    await withTransaction(request, async (ctx) => {
      const ids = Object.entries(params)
        .filter(([name]) => name !== 'id')
        .map(([, value]) => value);
      await recordSensitiveRead(ctx, await withBreakGlass(ctx.tx, actor, kase, ctx.now), {
        what: match[1] ? match[1].replace(/\/:[A-Za-z]+/g, '') : 'case',
        categories,
        ...(ids.length > 0 ? { ids } : {}),
      });
    });
    return payload;
  });
}
