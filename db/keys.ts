// The data key: random 256 bits. Where no OS keyring protects it, it is wrapped with a key derived from
// the user's passphrase by scrypt (memory-hard) and AES-256-GCM, and stored beside the database.
import { createCipheriv, createDecipheriv, randomBytes, scrypt as scryptCb } from 'node:crypto';
import { z } from 'zod';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}
/** 2^17 × 8 × 128 B = 128 MiB of memory per guess; about half a second on a laptop. */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };

export const keyFileSchema = z.object({
  version: z.literal(1),
  kdf: z.literal('scrypt'),
  N: z.number().int(),
  r: z.number().int(),
  p: z.number().int(),
  salt: z.string(),
  iv: z.string(),
  tag: z.string(),
  wrapped: z.string(),
});
export type KeyFile = z.infer<typeof keyFileSchema>;

export class WrongPassphraseError extends Error {
  constructor() {
    super('Wrong passphrase.');
    this.name = 'WrongPassphraseError';
  }
}

export function newDataKey(): Buffer {
  return randomBytes(32);
}

function deriveKek(passphrase: string, salt: Buffer, p: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCb(passphrase.normalize('NFC'), salt, 32, { N: p.N, r: p.r, p: p.p, maxmem: 256 * p.N * p.r + 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

export async function wrapKey(dataKey: Buffer, passphrase: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<KeyFile> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const kek = await deriveKek(passphrase, salt, params);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  const wrapped = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return {
    version: 1,
    kdf: 'scrypt',
    ...params,
    salt: salt.toString('base64'),
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    wrapped: wrapped.toString('base64'),
  };
}

export async function unwrapKey(file: KeyFile, passphrase: string): Promise<Buffer> {
  const kek = await deriveKek(passphrase, Buffer.from(file.salt, 'base64'), file);
  const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(file.iv, 'base64'));
  decipher.setAuthTag(Buffer.from(file.tag, 'base64'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(file.wrapped, 'base64')), decipher.final()]);
  } catch {
    throw new WrongPassphraseError();
  }
}
