import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { generateSecret, generateURI, verify } from 'otplib';
import type { Actor } from '../../platform/auth/actor.js';
import type { Executor } from '../../platform/db/database.js';
import { decryptSecret, encryptSecret } from '../partners/secret-box.js';
import { mfaRecoveryCodes, userMfa } from './schema.js';

/** The roles that must sign in with a second factor. */
const ROLES_NEEDING_MFA = new Set(['admin', 'manager']);
const RECOVERY_CODE_COUNT = 10;
const ISSUER = 'Passage';

/** Whether this user must give a TOTP code to sign in (administrators and managers). */
export function secondFactorRequired(actor: Actor): boolean {
  return actor.roles.some((grant) => ROLES_NEEDING_MFA.has(grant.role));
}

/** A user's enrolled second factor, or null. */
export async function findEnrolment(db: Executor, userId: string) {
  const [row] = await db.select().from(userMfa).where(eq(userMfa.userId, userId));
  return row ?? null;
}

/** A new TOTP secret and the otpauth:// URI an authenticator app reads (as text or a QR code). */
export function newTotpSecret(email: string): { secret: string; uri: string } {
  const secret = generateSecret();
  return { secret, uri: totpUri(email, secret) };
}

/** The otpauth:// URI of a secret. */
export function totpUri(email: string, secret: string): string {
  return generateURI({ issuer: ISSUER, label: email, secret });
}

/**
 * Checks a six-digit code against a secret, allowing one step of clock drift either way. A code
 * whose time step is not after `afterStep` is refused, so an overheard code cannot be replayed.
 * Answers the accepted step, or null.
 */
export async function checkTotp(
  secret: string,
  code: string,
  afterStep: number,
  now: Date,
): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: 30,
    afterTimeStep: afterStep > 0 ? afterStep : undefined,
  });
  if (!result.valid || !('timeStep' in result)) return null;
  return result.timeStep;
}

/** Stores a confirmed enrolment and returns new recovery codes, shown once; only their hashes are kept. */
export async function enrol(
  db: Executor,
  options: { userId: string; secret: string; step: number; now: Date },
): Promise<string[]> {
  await db.delete(userMfa).where(eq(userMfa.userId, options.userId));
  await db.insert(userMfa).values({
    userId: options.userId,
    secret: encryptSecret(options.secret),
    enrolledAt: options.now,
    lastStep: options.step,
  });
  return replaceRecoveryCodes(db, options.userId);
}

/** Replaces a user's recovery codes with new ones and returns them. */
export async function replaceRecoveryCodes(db: Executor, userId: string): Promise<string[]> {
  await db.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId));
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const raw = randomBytes(8).toString('hex');
    return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8, 12)}-${raw.slice(12)}`;
  });
  await db
    .insert(mfaRecoveryCodes)
    .values(codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })));
  return codes;
}

function hashRecoveryCode(code: string): string {
  return createHash('sha256')
    .update(
      code
        .trim()
        .toLowerCase()
        .replace(/[^0-9a-f]/g, ''),
    )
    .digest('hex');
}

/** Spends a recovery code: true when it was one of the user's unused codes (it is then used up). */
export async function spendRecoveryCode(
  db: Executor,
  userId: string,
  code: string,
  now: Date,
): Promise<boolean> {
  const spent = await db
    .update(mfaRecoveryCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(mfaRecoveryCodes.userId, userId),
        eq(mfaRecoveryCodes.codeHash, hashRecoveryCode(code)),
        isNull(mfaRecoveryCodes.usedAt),
      ),
    )
    .returning({ userId: mfaRecoveryCodes.userId });
  return spent.length > 0;
}

/** Checks a TOTP code against the user's enrolled secret and, when good, remembers its step. */
export async function checkEnrolledCode(
  db: Executor,
  enrolment: { userId: string; secret: string; lastStep: number },
  code: string,
  now: Date,
): Promise<boolean> {
  const step = await checkTotp(decryptSecret(enrolment.secret), code, enrolment.lastStep, now);
  if (step === null) return false;
  await db.update(userMfa).set({ lastStep: step }).where(eq(userMfa.userId, enrolment.userId));
  return true;
}

/** Removes a user's second factor and recovery codes: they enrol again at their next sign-in. */
export async function resetSecondFactor(db: Executor, userId: string): Promise<boolean> {
  const removed = await db
    .delete(userMfa)
    .where(eq(userMfa.userId, userId))
    .returning({ userId: userMfa.userId });
  await db.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId));
  return removed.length > 0;
}
