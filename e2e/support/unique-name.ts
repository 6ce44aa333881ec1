import { randomBytes } from 'node:crypto';

/**
 * `prefix` and six random letters: a name no demo person has, so the duplicate check stays quiet
 * and a search finds only what the test made.
 */
export function uniqueName(prefix: string): string {
  const letters = [...randomBytes(6)].map((byte) => String.fromCharCode(97 + (byte % 26))).join('');
  return `${prefix}${letters}`;
}
