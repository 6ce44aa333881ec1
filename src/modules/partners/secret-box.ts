import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

// Development fallback only: production sets PASSAGE_SECRET_KEY so a database dump alone does not
// reveal partners' signing secrets.
const DEVELOPMENT_KEY_MATERIAL = 'passage-development-secret-key';

/** The 32-byte key that encrypts stored secrets, from PASSAGE_SECRET_KEY (any string; hashed). */
export function secretKey(env: NodeJS.ProcessEnv = process.env): Buffer {
  return createHash('sha256')
    .update(env.PASSAGE_SECRET_KEY?.trim() || DEVELOPMENT_KEY_MATERIAL)
    .digest();
}

/** AES-256-GCM encryption of a short secret, as `iv.tag.ciphertext` in base64url. */
export function encryptSecret(plain: string, key: Buffer = secretKey()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64url')).join('.');
}

/** Reverses encryptSecret; throws when the value was tampered with or the key is wrong. */
export function decryptSecret(sealed: string, key: Buffer = secretKey()): string {
  const [iv, tag, ciphertext] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
  if (!iv || !tag || !ciphertext) throw new Error('Malformed sealed secret');
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
}
