import { describe, expect, it } from 'vitest';
import { DUMMY_HASH, hashPassword, verifyAgainstDummy, verifyPassword } from './password.js';

describe('the dummy hash of unknown accounts', () => {
  it('costs what a real password check costs: the same algorithm and parameters', async () => {
    const real = await hashPassword('anything');
    const parameters = (hash: string) => hash.split('$').slice(1, 4).join('$');
    expect(parameters(DUMMY_HASH)).toBe(parameters(real));
    expect(await verifyPassword(DUMMY_HASH, 'passage-dummy-password')).toBe(true);
    expect(await verifyAgainstDummy('passage-dummy-password')).toBe(false);
  });
});
