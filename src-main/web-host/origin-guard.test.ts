import { describe, expect, it } from 'vitest';
import { isAllowedHost, isAllowedOrigin } from './origin-guard';

describe('origin guard', () => {
  it('accepts only our loopback authority as Host', () => {
    expect(isAllowedHost('127.0.0.1:8080', 8080)).toBe(true);
    expect(isAllowedHost('localhost:8080', 8080)).toBe(true);
    expect(isAllowedHost('LOCALHOST:8080', 8080)).toBe(true);
    for (const host of [undefined, '', '127.0.0.1', '127.0.0.1:8081', 'evil.example:8080', 'evil.example', '0.0.0.0:8080', '[::1]:8080']) {
      expect(isAllowedHost(host, 8080), String(host)).toBe(false);
    }
  });

  it('accepts a missing Origin (same-origin GET, curl) or our own, nothing else', () => {
    expect(isAllowedOrigin(undefined, 8080)).toBe(true);
    expect(isAllowedOrigin('http://127.0.0.1:8080', 8080)).toBe(true);
    for (const origin of ['null', 'https://127.0.0.1:8080', 'http://127.0.0.1:9999', 'http://evil.example', 'http://127.0.0.1:8080.evil.example', 'http://127.0.0.1:8080/path', 'garbage']) {
      expect(isAllowedOrigin(origin, 8080), origin).toBe(false);
    }
  });
});
