import { describe, expect, it } from 'vitest';
import { parseWebHostArgs } from './args';

describe('parseWebHostArgs', () => {
  it('parses port, data and demo', () => {
    expect(parseWebHostArgs(['--port', '8080', '--data', '/tmp/x', '--demo'])).toEqual({ port: 8080, data: '/tmp/x', demo: true });
    expect(parseWebHostArgs(['--data', 'd'])).toEqual({ port: 0, data: 'd', demo: false });
  });
  it('explains what is wrong, with the usage', () => {
    expect(() => parseWebHostArgs(['--port', '8080'])).toThrow(/--data.*\n.*usage: npm run web/s);
    expect(() => parseWebHostArgs(['--port', '70000', '--data', 'd'])).toThrow(/--port/);
    expect(() => parseWebHostArgs(['--data', 'd', '--verbose'])).toThrow(/unknown argument --verbose/);
  });
});
