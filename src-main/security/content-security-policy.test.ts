import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './content-security-policy';

/** Parses "a x y; b z" into { a: ['x', 'y'], b: ['z'] }, refusing a directive given twice. */
function parse(policy: string): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    expect(result[name], `directive ${name} twice`).toBeUndefined();
    result[name] = sources;
  }
  return result;
}

describe('contentSecurityPolicy', () => {
  const policy = contentSecurityPolicy();
  const directives = parse(policy);

  it('refuses everything by default and every framing, plugin, base and form target', () => {
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
    expect(directives['form-action']).toEqual(["'none'"]);
  });

  it('runs only our own scripts: no eval, no inline script or style', () => {
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['style-src']).toEqual(["'self'"]);
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('wasm-unsafe-eval');
  });

  it('names no remote host and no wildcard', () => {
    const allowed = new Set(["'self'", "'none'", 'data:', 'blob:']);
    for (const [name, sources] of Object.entries(directives)) {
      for (const source of sources) expect(allowed.has(source), `${name} ${source}`).toBe(true);
    }
    expect(policy).not.toMatch(/https?:|\*/);
  });

  it('keeps data: and blob: to images (receipt previews), never scripts or connections', () => {
    expect(directives['img-src']).toEqual(["'self'", 'data:', 'blob:']);
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(directives['font-src']).toEqual(["'self'"]);
  });

  it('adds extra connect-src sources for a host that needs them, and only there', () => {
    const withDev = parse(contentSecurityPolicy({ connectSrc: ['http://127.0.0.1:5173'] }));
    expect(withDev['connect-src']).toEqual(["'self'", 'http://127.0.0.1:5173']);
    expect(withDev['script-src']).toEqual(["'self'"]);
  });

  it('refuses a source that would smuggle in another directive', () => {
    expect(() => contentSecurityPolicy({ connectSrc: ["'self'; script-src *"] })).toThrow(/invalid connect-src/);
    expect(() => contentSecurityPolicy({ connectSrc: ['a b'] })).toThrow(/invalid connect-src/);
    expect(() => contentSecurityPolicy({ connectSrc: ['a,b'] })).toThrow(/invalid connect-src/);
  });
});
