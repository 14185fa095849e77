import { describe, expect, it } from 'vitest';
import { powerShellLiteral, rawPrintScript } from './windows-spooler-transport';

describe('the Windows spooler script', () => {
  it('quotes printer names as PowerShell single-quoted literals, doubling every kind of single quote', () => {
    expect(powerShellLiteral('EPSON TM-T20III Receipt')).toBe("'EPSON TM-T20III Receipt'");
    expect(powerShellLiteral("Bob's printer")).toBe("'Bob''s printer'");
    expect(powerShellLiteral('Bob\u2019s $(Remove-Item C:\\) `n "x"')).toBe("'Bob\u2019\u2019s $(Remove-Item C:\\) `n \"x\"'");
    expect(powerShellLiteral('\u2018a\u201ab\u201b')).toBe("'\u2018\u2018a\u201a\u201ab\u201b\u201b'");
    expect(() => powerShellLiteral('two\nlines')).toThrow(/control characters/);
  });

  it('sends RAW data through OpenPrinter/StartDocPrinter/WritePrinter, reading the bytes from stdin', () => {
    const script = rawPrintScript("Front 'counter'", 'Tillpoint');
    expect(script).toContain('pDataType = "RAW"');
    for (const call of ['OpenPrinter(', 'StartDocPrinter(', 'StartPagePrinter(', 'WritePrinter(', 'EndDocPrinter(', 'ClosePrinter(']) expect(script).toContain(call);
    expect(script).toContain('[Convert]::FromBase64String([Console]::In.ReadToEnd())');
    expect(script.trimEnd().split('\r\n').at(-1)).toBe("[TillpointRawPrinter]::Send('Front ''counter''', 'Tillpoint', $data)");
    // The here-string must close at the start of a line, or PowerShell reads the rest as C#.
    expect(script).toMatch(/\r\n'@\r\n/);
    // The name appears once, in the literal: nothing else interpolates it.
    expect(script.split('counter').length - 1).toBe(1);
  });
});
