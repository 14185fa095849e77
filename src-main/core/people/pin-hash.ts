import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * PIN hashes: scrypt from node:crypto (https://nodejs.org/api/crypto.html#cryptoscryptpassword-salt-keylen-options-callback),
 * stored as `scrypt$N$r$p$saltB64$hashB64` so the cost can be raised later and old hashes still verify.
 * N=16384, r=8, p=1 are Node's defaults and the interactive-login cost that Percival's scrypt paper
 * suggests (https://www.tarsnap.com/scrypt/scrypt.pdf): tens of milliseconds per check, 16 MiB.
 */
export const PIN_HASH_PARAMS = { N: 16384, r: 8, p: 1, saltBytes: 16, keyBytes: 32 } as const;

/** Upper bounds for a stored hash: it may arrive by sync, and a huge N would stall the till. */
const LIMITS = { maxN: 1 << 16, maxR: 8, maxP: 4, minKeyBytes: 16, maxKeyBytes: 64 } as const;
const MAX_PIN_LENGTH = 128;

/** A stored PIN hash that is not in the `scrypt$N$r$p$salt$hash` format or outside the bounds. */
export class MalformedPinHashError extends Error {
  override readonly name = 'MalformedPinHashError';
}

/** Hashes `pin` with a fresh random salt. */
export async function hashPin(pin: string): Promise<string> {
  checkPin(pin);
  const { N, r, p, saltBytes, keyBytes } = PIN_HASH_PARAMS;
  const salt = randomBytes(saltBytes);
  const key = await derive(pin, salt, keyBytes, { N, r, p });
  return ['scrypt', N, r, p, salt.toString('base64'), key.toString('base64')].join('$');
}

/**
 * True when `pin` matches `stored`. Compares in constant time so that the time taken says
 * nothing about how much of the hash matched. Throws `MalformedPinHashError` for a damaged
 * stored value: that is a data fault to report, not a wrong PIN.
 */
export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (pin.length === 0 || pin.length > MAX_PIN_LENGTH) return false;
  const key = await derive(pin, parsed.salt, parsed.hash.length, { N: parsed.N, r: parsed.r, p: parsed.p });
  return timingSafeEqual(key, parsed.hash);
}

function checkPin(pin: string): void {
  if (pin.length === 0 || pin.length > MAX_PIN_LENGTH) {
    throw new RangeError(`A PIN has 1 to ${MAX_PIN_LENGTH} characters.`);
  }
}

interface ParsedHash { N: number; r: number; p: number; salt: Buffer; hash: Buffer }

function parse(stored: string): ParsedHash {
  const parts = stored.split('$');
  const [scheme, nText, rText, pText, saltText, hashText] = parts;
  if (parts.length !== 6 || scheme !== 'scrypt' || saltText === undefined || hashText === undefined) {
    throw new MalformedPinHashError('The stored PIN hash is not in the scrypt$N$r$p$salt$hash format.');
  }
  const N = Number(nText);
  const r = Number(rText);
  const p = Number(pText);
  const salt = Buffer.from(saltText, 'base64');
  const hash = Buffer.from(hashText, 'base64');
  const powerOfTwo = Number.isInteger(N) && N > 1 && (N & (N - 1)) === 0;
  if (!powerOfTwo || N > LIMITS.maxN || !inRange(r, 1, LIMITS.maxR) || !inRange(p, 1, LIMITS.maxP) ||
      salt.length === 0 || !inRange(hash.length, LIMITS.minKeyBytes, LIMITS.maxKeyBytes)) {
    throw new MalformedPinHashError('The stored PIN hash has parameters outside the accepted bounds.');
  }
  return { N, r, p, salt, hash };
}

function inRange(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

function derive(pin: string, salt: Buffer, keyBytes: number, options: ScryptOptions): Promise<Buffer> {
  // scrypt needs about 128·N·r bytes; Node refuses beyond maxmem (default 32 MiB), so allow
  // twice that for the parameters in hand (bounded by LIMITS to 128 MiB).
  const maxmem = 2 * 128 * (options.N ?? PIN_HASH_PARAMS.N) * (options.r ?? PIN_HASH_PARAMS.r);
  return new Promise((resolve, reject) => {
    scrypt(pin.normalize('NFC'), salt, keyBytes, { ...options, maxmem }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}
