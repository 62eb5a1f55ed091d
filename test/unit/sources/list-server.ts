// A local HTTP server for list-refresh tests: serves saved list pages with an ETag, answers conditional requests
// with 304, and can be told to answer an address with an error (503 with Retry-After, 429) or other content.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const fixture = (name: string) => readFileSync(new URL(`../../fixtures/official_lists/${name}`, import.meta.url), 'utf8');

export interface Served {
  body?: string;
  status?: number;
  headers?: Record<string, string>;
  delayMs?: number;
}

export class ListServer {
  readonly requests: { path: string; headers: IncomingHttpHeaders }[] = [];
  private routes = new Map<string, Served>();
  private server: Server | undefined;
  base = '';
  /** The most requests in flight at once. */
  maxInFlight = 0;
  private inFlight = 0;

  serve(path: string, served: Served): void {
    this.routes.set(path, served);
  }

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const path = request.url ?? '/';
      this.requests.push({ path, headers: request.headers });
      this.inFlight++;
      this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
      response.on('close', () => this.inFlight--);
      const served = this.routes.get(path);
      const answer = () => {
        if (!served) return response.writeHead(404).end();
        const body = served.body ?? '';
        const etag = `"${body.length}-${[...body].reduce((h, c) => (h * 33 + c.charCodeAt(0)) >>> 0, 5381).toString(16)}"`;
        if ((served.status ?? 200) === 200 && request.headers['if-none-match'] === etag) return response.writeHead(304, { etag }).end();
        response.writeHead(served.status ?? 200, { ...(served.status ?? 200) === 200 ? { etag } : {}, ...served.headers }).end(body);
      };
      if (served?.delayMs) setTimeout(answer, served.delayMs);
      else answer();
    });
    await new Promise<void>((done) => this.server!.listen(0, '127.0.0.1', done));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((done) => this.server?.close(() => done()));
  }
}
