import { dictionary } from '@zxcvbn-ts/language-common';
import { badRequest } from '../../platform/http/problem.js';

/** The shortest password accepted (NIST SP 800-63B asks for at least 8; 12 resists guessing better). */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

// The common-password dictionary of zxcvbn-ts (the most used passwords of public breaches),
// made a set once.
let common: Set<string> | null = null;
function commonPasswords(): Set<string> {
  common ??= new Set(dictionary['passwords-common'].map((word) => word.toLowerCase()));
  return common;
}

/**
 * The codes of the reasons a password is refused, sent in the problem's field error so the UI
 * shows the reason in the user's language.
 */
export const passwordProblemCodes = [
  'password_too_short',
  'password_too_long',
  'password_common',
  'password_personal',
  'password_same_as_current',
  'password_wrong_current',
] as const;
export type PasswordProblemCode = (typeof passwordProblemCodes)[number];

/** A reason a password is refused: its code and an English sentence. */
export interface PasswordProblem {
  code: PasswordProblemCode;
  message: string;
}

/**
 * Why a new password is refused, or null when it is acceptable: too short, too long, one of the
 * commonly used passwords, or the user's own e-mail address or name.
 */
export function passwordProblem(
  password: string,
  user: { email: string; displayName: string },
): PasswordProblem | null {
  if (password.length < MIN_PASSWORD_LENGTH)
    return {
      code: 'password_too_short',
      message: `The password must have at least ${MIN_PASSWORD_LENGTH} characters.`,
    };
  if (password.length > MAX_PASSWORD_LENGTH)
    return {
      code: 'password_too_long',
      message: `The password may have at most ${MAX_PASSWORD_LENGTH} characters.`,
    };
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower) || /^(.)\1+$/.test(password))
    return {
      code: 'password_common',
      message: 'This password is one of the most commonly used: choose another.',
    };
  const local = user.email.toLowerCase().split('@')[0] ?? '';
  if (lower === user.email.toLowerCase() || lower === local || lower === user.displayName.toLowerCase())
    return { code: 'password_personal', message: 'The password may not be your e-mail address or name.' };
  return null;
}

/** The 400 problem of a refused password, naming the field and the reason's code. */
export function passwordRefused(path: string, problem: PasswordProblem) {
  return badRequest(problem.message, [{ path, message: problem.message, code: problem.code }]);
}
