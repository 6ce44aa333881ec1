import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Executor } from '../../platform/db/database.js';
import type { ServiceContext } from '../../platform/db/transaction.js';
import { badRequest, notFound } from '../../platform/http/problem.js';
import { normaliseLanguage, type TemplateOverrides } from './render-sms-template.js';
import { smsTemplates } from './schema.js';
import {
  defaultSmsTemplates,
  rightToLeftLanguages,
  type SmsTemplateKind,
  smsTemplateKinds,
  smsTemplateVariables,
} from './sms-template-defaults.js';

/** A mission's own wording of one kind, by language. */
export async function loadTemplateOverrides(
  db: Executor,
  missionId: string,
  kind: SmsTemplateKind,
): Promise<TemplateOverrides> {
  const rows = await db
    .select({ language: smsTemplates.language, body: smsTemplates.body })
    .from(smsTemplates)
    .where(and(eq(smsTemplates.missionId, missionId), eq(smsTemplates.kind, kind)));
  return Object.fromEntries(rows.map((row) => [row.language, row.body]));
}

/** Every template in effect for the mission: the built-in wording, replaced where the mission wrote its own. */
export async function listSmsTemplates(db: Executor, missionId: string) {
  const own = await db.select().from(smsTemplates).where(eq(smsTemplates.missionId, missionId));
  const languages = [...new Set([...Object.keys(defaultSmsTemplates), ...own.map((row) => row.language)])];
  return smsTemplateKinds.flatMap((kind) =>
    languages.flatMap((language) => {
      const custom = own.find((row) => row.kind === kind && row.language === language);
      const body = custom?.body ?? defaultSmsTemplates[language]?.[kind];
      if (!body) return [];
      return [
        {
          kind,
          language,
          body,
          source: custom ? ('mission' as const) : ('default' as const),
          direction: rightToLeftLanguages.has(language) ? ('rtl' as const) : ('ltr' as const),
          variables: [...smsTemplateVariables[kind]],
          updatedAt: custom?.updatedAt.toISOString() ?? null,
        },
      ];
    }),
  );
}

/** The placeholders a template body must use: exactly its kind's variables, nothing unknown. */
export function checkTemplateBody(kind: SmsTemplateKind, body: string): string[] {
  const used = new Set([...body.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!));
  const needed = smsTemplateVariables[kind];
  return [
    ...needed.filter((name) => !used.has(name)).map((name) => `must use {{${name}}}`),
    ...[...used]
      .filter((name) => !needed.includes(name))
      .map((name) => `{{${name}}} is not a variable of ${kind}`),
  ];
}

/** Writes the mission's own wording of a template in a language. */
export async function saveSmsTemplate(
  ctx: ServiceContext,
  kind: SmsTemplateKind,
  rawLanguage: string,
  body: string,
) {
  const language = normaliseLanguage(rawLanguage);
  const problems = checkTemplateBody(kind, body);
  if (problems.length > 0)
    throw badRequest(
      'The template does not fit its kind.',
      problems.map((message) => ({ path: 'body.body', message })),
    );
  const key = and(
    eq(smsTemplates.missionId, ctx.actor.missionId),
    eq(smsTemplates.kind, kind),
    eq(smsTemplates.language, language),
  );
  const [before] = await ctx.tx.select().from(smsTemplates).where(key);
  const values = { body, updatedAt: ctx.now, updatedBy: ctx.actor.id };
  const [after] = await ctx.tx
    .insert(smsTemplates)
    .values({ missionId: ctx.actor.missionId, kind, language, ...values })
    .onConflictDoUpdate({
      target: [smsTemplates.missionId, smsTemplates.kind, smsTemplates.language],
      set: values,
    })
    .returning();
  await recordAudit(ctx, {
    action: 'sms_template.update',
    recordType: 'sms_template',
    recordId: `${kind}:${language}`,
    before: before ?? null,
    after,
  });
  return after!;
}

/** Removes the mission's own wording, so the built-in text applies again. */
export async function resetSmsTemplate(ctx: ServiceContext, kind: SmsTemplateKind, rawLanguage: string) {
  const language = normaliseLanguage(rawLanguage);
  const key = and(
    eq(smsTemplates.missionId, ctx.actor.missionId),
    eq(smsTemplates.kind, kind),
    eq(smsTemplates.language, language),
  );
  const [before] = await ctx.tx.delete(smsTemplates).where(key).returning();
  if (!before) throw notFound('Mission wording of this template');
  await recordAudit(ctx, {
    action: 'sms_template.reset',
    recordType: 'sms_template',
    recordId: `${kind}:${language}`,
    before,
  });
}
