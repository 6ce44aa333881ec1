import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/database.js';
import { loadActor } from '../organisation/load-actor.js';
import { decryptSecret } from '../partners/secret-box.js';
import { auditLockout, completeLogin, type LoginRequest } from './login.js';
import { closeChallenge, countChallengeFailure, findChallenge } from './login-challenges.js';
import { accountKey, beginAttempt } from './login-throttle.js';
import { checkEnrolledCode, checkTotp, enrol, findEnrolment, spendRecoveryCode } from './second-factor.js';

export type SecondFactorResult =
  | { kind: 'signed_in'; actor: Actor; token: string; recoveryCodes: string[] | null }
  | { kind: 'refused'; challengeOpen: boolean }
  | { kind: 'expired' }
  | { kind: 'locked'; retryAfterMs: number };

/**
 * The second step of signing in: a TOTP code (or, once enrolled, a one-time recovery code) for
 * the challenge the password opened. A first code confirms a new enrolment and returns the
 * user's recovery codes, shown once. Wrong codes count against the account like wrong passwords.
 */
export async function verifySecondFactor(
  db: Db,
  input: LoginRequest & { challengeToken: string; code?: string; recoveryCode?: string },
): Promise<SecondFactorResult> {
  const now = new Date();
  const challenge = await findChallenge(db, input.challengeToken, now);
  if (!challenge) return { kind: 'expired' };
  const actor = await loadActor(db, challenge.userId);
  if (!actor) return { kind: 'expired' };
  const attempt = await beginAttempt(db, accountKey(actor.email), now);
  if (!attempt.allowed) return { kind: 'locked', retryAfterMs: attempt.retryAfterMs };
  return db.transaction(async (tx) => {
    const ctx = { tx, actor, requestId: input.requestId, ip: input.ip, now };
    let recoveryCodes: string[] | null = null;
    let accepted = false;
    if (challenge.pendingSecret) {
      const step = input.code
        ? await checkTotp(decryptSecret(challenge.pendingSecret), input.code, 0, now)
        : null;
      if (step !== null) {
        recoveryCodes = await enrol(tx, {
          userId: actor.id,
          secret: decryptSecret(challenge.pendingSecret),
          step,
          now,
        });
        await recordAudit(ctx, { action: 'auth.mfa_enrol', recordType: 'user', recordId: actor.id });
        accepted = true;
      }
    } else {
      const enrolment = await findEnrolment(tx, actor.id);
      if (enrolment && input.code) accepted = await checkEnrolledCode(tx, enrolment, input.code, now);
      else if (enrolment && input.recoveryCode) {
        accepted = await spendRecoveryCode(tx, actor.id, input.recoveryCode, now);
        if (accepted)
          await recordAudit(ctx, {
            action: 'auth.mfa_recovery_code_used',
            recordType: 'user',
            recordId: actor.id,
          });
      }
    }
    if (!accepted) {
      await recordAudit(ctx, { action: 'auth.mfa_failed', recordType: 'user', recordId: actor.id });
      await auditLockout(tx, actor, input, attempt, now);
      await countChallengeFailure(tx, input.challengeToken, challenge.failures);
      return { kind: 'refused', challengeOpen: challenge.failures + 1 < 5 } as const;
    }
    await closeChallenge(tx, input.challengeToken);
    const done = await completeLogin(tx, actor, input, now);
    return { ...done, recoveryCodes };
  });
}
