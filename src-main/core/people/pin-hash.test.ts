import { describe, expect, it } from 'vitest';
import { hashPin, MalformedPinHashError, PIN_HASH_PARAMS, verifyPin } from './pin-hash';

describe('PIN hashing', () => {
  it('stores scrypt parameters, a 16-byte salt and a 32-byte key', async () => {
    const stored = await hashPin('1234');
    const [scheme, n, r, p, salt, key] = stored.split('$');
    expect([scheme, n, r, p]).toEqual(['scrypt', '16384', '8', '1']);
    expect(Buffer.from(salt ?? '', 'base64')).toHaveLength(PIN_HASH_PARAMS.saltBytes);
    expect(Buffer.from(key ?? '', 'base64')).toHaveLength(PIN_HASH_PARAMS.keyBytes);
    expect(stored).not.toContain('1234$');
  });

  it('verifies the right PIN and rejects others', async () => {
    const stored = await hashPin('0000');
    expect(await verifyPin('0000', stored)).toBe(true);
    expect(await verifyPin('0001', stored)).toBe(false);
    expect(await verifyPin('', stored)).toBe(false);
    expect(await verifyPin('00000', stored)).toBe(false);
  });

  it('salts: the same PIN hashes differently each time, and both verify', async () => {
    const a = await hashPin('4321');
    const b = await hashPin('4321');
    expect(a).not.toBe(b);
    expect(await verifyPin('4321', a)).toBe(true);
    expect(await verifyPin('4321', b)).toBe(true);
  });

  it('refuses damaged or dangerous stored hashes instead of calling them a wrong PIN', async () => {
    const stored = await hashPin('1234');
    const parts = stored.split('$');
    const withParts = (index: number, value: string) => parts.map((part, i) => (i === index ? value : part)).join('$');
    for (const bad of ['', 'plain-1234', 'bcrypt$16384$8$1$a$b', withParts(1, '1000'), withParts(1, String(1 << 24)),
      withParts(2, '0'), withParts(3, '99'), withParts(5, 'AAAA'), `${stored}$extra`]) {
      await expect(verifyPin('1234', bad)).rejects.toBeInstanceOf(MalformedPinHashError);
    }
  });

  it('refuses to hash an empty or oversized PIN', async () => {
    await expect(hashPin('')).rejects.toBeInstanceOf(RangeError);
    await expect(hashPin('9'.repeat(129))).rejects.toBeInstanceOf(RangeError);
  });
});
