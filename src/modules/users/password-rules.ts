import { dictionary } from '@zxcvbn-ts/language-common';

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
 * Why a new password is refused, or null when it is acceptable: too short, too long, one of the
 * commonly used passwords, or the user's own e-mail address or name.
 */
export function passwordProblem(
  password: string,
  user: { email: string; displayName: string },
): string | null {
  if (password.length < MIN_PASSWORD_LENGTH)
    return `The password must have at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > MAX_PASSWORD_LENGTH)
    return `The password may have at most ${MAX_PASSWORD_LENGTH} characters.`;
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower) || /^(.)\1+$/.test(password))
    return 'This password is one of the most commonly used: choose another.';
  const local = user.email.toLowerCase().split('@')[0] ?? '';
  if (lower === user.email.toLowerCase() || lower === local || lower === user.displayName.toLowerCase())
    return 'The password may not be your e-mail address or name.';
  return null;
}
