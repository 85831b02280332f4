// GET /healthz: what an operator or an orchestrator needs to know, as JSON; 200 while serving, 503 otherwise.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HealthSnapshot {
  serving: boolean;
  [key: string]: unknown;
}

export class HealthServer {
  private server: Server | null = null;

  constructor(private readonly snapshot: () => HealthSnapshot | Promise<HealthSnapshot>) {}

  async listen(port: number, host: string): Promise<number> {
    const server = createServer((req, res) => {
      if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/healthz') {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
        return;
      }
      Promise.resolve()
        .then(() => this.snapshot())
        .then(
          (body) =>
            res
              .writeHead(body.serving ? 200 : 503, { 'content-type': 'application/json' })
              .end(JSON.stringify(body)),
          (err: Error) =>
            res
              .writeHead(503, { 'content-type': 'application/json' })
              .end(JSON.stringify({ serving: false, error: err.message })),
        );
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    return (server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
