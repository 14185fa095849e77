import { spawn } from 'node:child_process';
import { Listeners, TransportError, type PrinterTransport } from './transport';

/**
 * A printer installed in Windows, fed through the spooler in RAW mode so the ESC/POS bytes reach
 * it untouched (Win32 "Sending data directly to a printer":
 * https://learn.microsoft.com/windows/win32/printdocs/sending-data-directly-to-a-printer).
 * Each job spawns PowerShell with a small inline script that calls winspool.drv
 * (OpenPrinter → StartDocPrinter with datatype "RAW" → WritePrinter → EndDocPrinter); the bytes go
 * in on stdin as base64, so only the printer name is ever embedded in the script.
 *
 * The spooler gives no status back, so jobs count as done once the spooler accepted them.
 * UNTESTED ON REAL WINDOWS: only the script text is unit-tested here.
 */
export class WindowsSpoolerTransport implements PrinterTransport {
  readonly bidirectional = false;
  readonly isOpen = true;
  private readonly closed = new Listeners<[Error | undefined]>();

  constructor(private readonly printerName: string, private readonly shell = 'powershell.exe') {}

  get description(): string {
    return `spooler://${this.printerName}`;
  }

  async open(): Promise<void> {
    // Nothing to hold open: each write is one spooler document.
  }

  write(data: Uint8Array, timeoutMs: number): Promise<void> {
    const script = rawPrintScript(this.printerName, 'Tillpoint');
    const encoded = Buffer.from(script, 'utf16le').toString('base64');
    return new Promise<void>((resolve, reject) => {
      const child = spawn(this.shell, ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand', encoded], {
        stdio: ['pipe', 'ignore', 'pipe'],
        windowsHide: true,
      });
      let stderr = '';
      child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
        stderr = (stderr + chunk).slice(-2_000);
      });
      const timer = setTimeout(() => {
        child.kill();
        reject(new TransportError('write', `${this.description}: the spooler did not take the job within ${timeoutMs} ms`));
      }, timeoutMs);
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(new TransportError('open', `${this.description}: ${error.message}`, { cause: error }));
      });
      child.once('close', (code) => {
        clearTimeout(timer);
        if (code === 0) resolve();
        else reject(new TransportError('write', `${this.description}: spooler refused the job (exit ${code}): ${stderr.trim()}`));
      });
      child.stdin?.on('error', () => {});
      child.stdin?.end(Buffer.from(data).toString('base64'));
    });
  }

  onData(): () => void {
    return () => {};
  }

  onClose(listener: (error?: Error) => void): () => void {
    return this.closed.add(listener);
  }

  async close(): Promise<void> {}
}

/**
 * A PowerShell single-quoted string literal: PowerShell treats the typographic single quotes
 * (U+2018, U+2019, U+201A, U+201B) like `'`, so each is doubled as well
 * (about_Quoting_Rules). Control characters cannot be part of a printer name.
 */
export function powerShellLiteral(value: string): string {
  if (/[\u0000-\u001f\u007f]/.test(value)) throw new Error('a printer name cannot hold control characters');
  return `'${value.replace(/['\u2018\u2019\u201a\u201b]/g, (quote) => quote + quote)}'`;
}

/** The PowerShell script that sends stdin (base64) to `printerName` as one RAW spooler document. */
export function rawPrintScript(printerName: string, documentName: string): string {
  return [
    "$ErrorActionPreference = 'Stop'",
    "Add-Type -TypeDefinition @'",
    'using System;',
    'using System.ComponentModel;',
    'using System.Runtime.InteropServices;',
    'public static class TillpointRawPrinter {',
    '  [StructLayout(LayoutKind.Sequential, CharSet = CharSet.Unicode)]',
    '  public class DOCINFO { public string pDocName; public string pOutputFile; public string pDataType; }',
    '  [DllImport("winspool.drv", CharSet = CharSet.Unicode, SetLastError = true)] public static extern bool OpenPrinter(string name, out IntPtr handle, IntPtr defaults);',
    '  [DllImport("winspool.drv", SetLastError = true)] public static extern bool ClosePrinter(IntPtr handle);',
    '  [DllImport("winspool.drv", CharSet = CharSet.Unicode, SetLastError = true)] public static extern int StartDocPrinter(IntPtr handle, int level, [In] DOCINFO info);',
    '  [DllImport("winspool.drv", SetLastError = true)] public static extern bool EndDocPrinter(IntPtr handle);',
    '  [DllImport("winspool.drv", SetLastError = true)] public static extern bool StartPagePrinter(IntPtr handle);',
    '  [DllImport("winspool.drv", SetLastError = true)] public static extern bool EndPagePrinter(IntPtr handle);',
    '  [DllImport("winspool.drv", SetLastError = true)] public static extern bool WritePrinter(IntPtr handle, byte[] data, int count, out int written);',
    '  public static void Send(string printer, string documentName, byte[] data) {',
    '    IntPtr handle;',
    '    if (!OpenPrinter(printer, out handle, IntPtr.Zero)) throw new Win32Exception(Marshal.GetLastWin32Error());',
    '    try {',
    '      DOCINFO info = new DOCINFO { pDocName = documentName, pDataType = "RAW" };',
    '      if (StartDocPrinter(handle, 1, info) == 0) throw new Win32Exception(Marshal.GetLastWin32Error());',
    '      try {',
    '        if (!StartPagePrinter(handle)) throw new Win32Exception(Marshal.GetLastWin32Error());',
    '        int written;',
    '        if (!WritePrinter(handle, data, data.Length, out written) || written != data.Length) throw new Win32Exception(Marshal.GetLastWin32Error());',
    '        EndPagePrinter(handle);',
    '      } finally { EndDocPrinter(handle); }',
    '    } finally { ClosePrinter(handle); }',
    '  }',
    '}',
    "'@",
    '$data = [Convert]::FromBase64String([Console]::In.ReadToEnd())',
    `[TillpointRawPrinter]::Send(${powerShellLiteral(printerName)}, ${powerShellLiteral(documentName)}, $data)`,
    '',
  ].join('\r\n');
}
