import { createServer, type Server, type Socket } from 'node:net';

/**
 * A loopback "network scanner" for hands-on use with `npm run sim`: a TCP server on 127.0.0.1
 * that sends each scanned code as `code + CR` to every connected client. The web host runs in
 * another process, so a mock serial port cannot reach it; `POS_SCANNER=tcp://127.0.0.1:<port>`
 * makes it a client of this simulator through TcpScanner, framed exactly like a serial scanner.
 */
export class SimTcpScanner {
  private readonly server: Server;
  private readonly clients = new Set<Socket>();

  constructor(private readonly suffix = '\r') {
    this.server = createServer((socket) => {
      this.clients.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => this.clients.delete(socket));
    });
  }

  listen(port = 0): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => resolve((this.server.address() as { port: number }).port));
    });
  }

  get connected(): number {
    return this.clients.size;
  }

  /** Sends one barcode to every client; returns how many received it. */
  scan(code: string): number {
    for (const client of this.clients) client.write(`${code}${this.suffix}`, 'latin1');
    return this.clients.size;
  }

  /** Cuts every connection (a cable pulled out of a network scanner), the server keeps listening. */
  dropClients(): void {
    for (const client of this.clients) client.destroy();
    this.clients.clear();
  }

  close(): Promise<void> {
    this.dropClients();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
