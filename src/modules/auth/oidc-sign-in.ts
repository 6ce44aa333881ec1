import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/database.js';
import { loadActor, missionSettingsColumns } from '../organisation/load-actor.js';
import { missions, users } from '../organisation/schema.js';
import { encryptSecret } from '../partners/secret-box.js';
import { completeLogin, type LoginRequest } from './login.js';
import { openChallenge } from './login-challenges.js';
import { accountKey, lockRemaining } from './login-throttle.js';
import type { ProviderIdentity } from './oidc-client.js';
import { findEnrolment, newTotpSecret, secondFactorRequired } from './second-factor.js';

/** Authentication methods (RFC 8176) that show the provider asked for more than a password. */
const MULTI_FACTOR_AMR = new Set(['mfa', 'otp', 'hwk']);

/** Where a provider sign-in stands once the provider's identity was validated. */
export type OidcSignInResult =
  | { kind: 'signed_in'; actor: Actor; token: string }
  | { kind: 'second_factor'; challengeToken: string }
  | { kind: 'refused'; reason: 'email_not_verified' | 'no_account' | 'account_inactive' | 'locked' };

/** Whether the provider's `amr` claim stands for a second factor. */
export function providerUsedMultiFactor(amr: string[]): boolean {
  return amr.some((method) => MULTI_FACTOR_AMR.has(method));
}

/**
 * Signs in the Passage user whose e-mail the provider verified. No account is ever created: an
 * unknown or deactivated user is refused (the latter audited in their mission), and so is an
 * account locked by failed sign-ins. A user who needs
 * a second factor (administrators, managers, anyone enrolled) still gives Passage's TOTP code,
 * unless OIDC_ACCEPT_PROVIDER_MFA is on and the provider reports a multi-factor sign-in.
 */
export async function signInWithProvider(
  db: Db,
  identity: ProviderIdentity,
  input: LoginRequest & { acceptProviderMfa: boolean },
): Promise<OidcSignInResult> {
  const now = new Date();
  if (!identity.email || !identity.emailVerified) return { kind: 'refused', reason: 'email_not_verified' };
  const [user] = await db
    .select({ id: users.id, active: users.active })
    .from(users)
    .where(eq(sql`lower(${users.email})`, identity.email.trim().toLowerCase()));
  if (!user) return { kind: 'refused', reason: 'no_account' };
  const via = { method: 'oidc', issuer: identity.issuer, subject: identity.subject, amr: identity.amr };
  const actor = user.active ? await loadActor(db, user.id) : null;
  if (!actor) {
    const inactive = await inactiveActor(db, user.id);
    if (inactive)
      await db.transaction((tx) =>
        recordAudit(
          { tx, actor: inactive, requestId: input.requestId, ip: input.ip, now },
          {
            action: 'auth.login_failed',
            recordType: 'user',
            recordId: user.id,
            after: { ...via, reason: 'account_inactive' },
          },
        ),
      );
    return { kind: 'refused', reason: 'account_inactive' };
  }
  // An account locked by failed sign-ins stays locked here too: the lock is short, and a provider
  // sign-in while someone is guessing the password is not the moment to lift it.
  if ((await lockRemaining(db, accountKey(actor.email), now)) > 0) {
    await db.transaction((tx) =>
      recordAudit(
        { tx, actor, requestId: input.requestId, ip: input.ip, now },
        {
          action: 'auth.login_failed',
          recordType: 'user',
          recordId: actor.id,
          after: { ...via, reason: 'locked' },
        },
      ),
    );
    return { kind: 'refused', reason: 'locked' };
  }
  return db.transaction(async (tx) => {
    const enrolment = await findEnrolment(tx, actor.id);
    const needsSecondFactor = Boolean(enrolment) || secondFactorRequired(actor);
    const providerFactorAccepted = input.acceptProviderMfa && providerUsedMultiFactor(identity.amr);
    if (needsSecondFactor && !providerFactorAccepted) {
      // Enrolled users give their code; others enrol, exactly as after a right password.
      const fresh = enrolment ? null : newTotpSecret(actor.email);
      const challengeToken = await openChallenge(tx, {
        userId: actor.id,
        pendingSecret: fresh ? encryptSecret(fresh.secret) : null,
        now,
      });
      await recordAudit(
        { tx, actor, requestId: input.requestId, ip: input.ip, now },
        { action: 'auth.oidc_verified', recordType: 'user', recordId: actor.id, after: via },
      );
      return { kind: 'second_factor', challengeToken } as const;
    }
    return completeLogin(tx, actor, input, now, {
      ...via,
      secondFactor: needsSecondFactor ? 'provider' : 'not_required',
    });
  });
}

// The deactivated user as the actor of their own refused sign-in, so the entry lands in their mission.
async function inactiveActor(db: Db, userId: string): Promise<Actor | null> {
  const [row] = await db
    .select({ user: users, mission: missionSettingsColumns })
    .from(users)
    .innerJoin(missions, eq(missions.id, users.missionId))
    .where(eq(users.id, userId));
  if (!row) return null;
  return {
    id: row.user.id,
    missionId: row.user.missionId,
    email: row.user.email,
    displayName: row.user.displayName,
    locale: row.user.locale,
    roles: [],
    mission: row.mission,
  };
}
