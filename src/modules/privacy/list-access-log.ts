import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { auditLog } from '../../platform/audit/schema.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/database.js';
import { cases } from '../cases/schema.js';
import { users } from '../organisation/schema.js';
import { type AccessLogEntry, type AccessLogQuery, accessLogActions } from './privacy-schemas.js';

const reviews = alias(auditLog, 'reviews');
const reviewers = alias(users, 'reviewers');

/** Who read which restricted data of the mission, newest first, with break-glass accesses and their reviews. */
export async function listAccessLog(
  db: Executor,
  actor: Actor,
  query: AccessLogQuery,
): Promise<AccessLogEntry[]> {
  const conditions: SQL[] = [
    eq(auditLog.missionId, actor.missionId),
    inArray(auditLog.action, [...accessLogActions]),
  ];
  if (query.userId) conditions.push(eq(auditLog.actorId, query.userId));
  if (query.caseId) conditions.push(eq(auditLog.recordId, query.caseId));
  if (query.needsReview === 'true') {
    conditions.push(eq(auditLog.action, 'case.break_glass'), sql`${reviews.id} is null`);
  }
  if (query.needsReview === 'false') conditions.push(sql`${reviews.id} is not null`);
  const rows = await db
    .select({
      entry: auditLog,
      user: { id: users.id, displayName: users.displayName, email: users.email },
      caseReference: cases.reference,
      reviewedAt: reviews.at,
      reviewer: { id: reviewers.id, displayName: reviewers.displayName, email: reviewers.email },
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .leftJoin(
      cases,
      and(eq(cases.missionId, auditLog.missionId), sql`${cases.id}::text = ${auditLog.recordId}`),
    )
    .leftJoin(
      reviews,
      and(
        eq(reviews.missionId, auditLog.missionId),
        eq(reviews.action, 'case.break_glass_review'),
        sql`${reviews.recordId} = ${auditLog.id}::text`,
      ),
    )
    .leftJoin(reviewers, eq(reviewers.id, reviews.actorId))
    .where(and(...conditions))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(query.limit);
  return rows.map(({ entry, user, caseReference, reviewedAt, reviewer }) => {
    const after = (entry.after ?? {}) as {
      what?: string;
      categories?: string[];
      reason?: string;
      breakGlass?: boolean;
    };
    const isBreakGlass = entry.action === 'case.break_glass';
    return {
      id: entry.id,
      at: entry.at.toISOString(),
      action: entry.action as AccessLogEntry['action'],
      user: user?.id ? user : null,
      recordType: entry.recordType === 'person' ? 'person' : 'case',
      caseId: entry.recordId,
      caseReference: caseReference ?? null,
      what: isBreakGlass
        ? 'break-glass'
        : entry.action === 'vulnerability_details.read'
          ? 'vulnerability details'
          : (after.what ?? 'case'),
      categories: after.categories ?? [],
      breakGlass: isBreakGlass || after.breakGlass === true,
      reason: after.reason ?? null,
      needsReview: isBreakGlass && !reviewedAt,
      reviewedAt: reviewedAt?.toISOString() ?? null,
      reviewedBy: reviewer?.id ? reviewer : null,
    };
  });
}
