import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id: the package exports it as a const enum, which isolated modules cannot read.
const ARGON2ID = 2;

/** Hashes a password with argon2id (OWASP's recommended parameters). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 });
}

/** Checks a password against a stored argon2id hash. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

// Verifying against a fixed hash when the user does not exist keeps response times alike, so
// timing does not tell an attacker which e-mail addresses have accounts. The hash is made with the
// same parameters as hashPassword (a test checks) and written here, so no request pays for making it.
export const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$tCB/5qVQzjeJ+tIoEFcpTA$q2NW9wf9mKafEIrJim/KMGfACm7IszgSuDgNQhmCeSQ';

/** Verifies a password against the dummy hash: the same work as a real check, always false. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  await verifyPassword(DUMMY_HASH, password);
  return false;
}
