// A tiny static server on 127.0.0.1 for saved portal pages and feeds: used by the demo (`npm start`) and the browser
// tests. Serves only the files it is given, by exact path, read afresh on each request; anything else is a 404. A
// test may answer a path itself (a server that fails before it answers).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';

export interface PageServer {
  origin: string;
  close(): Promise<void>;
}

/** Feeds and notice data by their extension; everything else is served as an HTML page. */
function contentTypeOf(file: string): string {
  if (file.endsWith('.rss')) return 'application/rss+xml';
  if (file.endsWith('.atom')) return 'application/atom+xml';
  if (file.endsWith('.xml')) return 'application/xml; charset=utf-8';
  if (file.endsWith('.json')) return 'application/json; charset=utf-8';
  return 'text/html; charset=utf-8';
}

/** Answers a request itself; `serveFile` sends a file as a route given by name would. */
export type RouteHandler = (request: IncomingMessage, response: ServerResponse, serveFile: (file: string) => void) => void;

/** `routes` maps a URL path ("/Notice/008624-2023") to a file on disk, or to a handler. */
export async function servePages(routes: Record<string, string | RouteHandler>, port = 0): Promise<PageServer> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const route = routes[path];
    const serveFile = (file: string) =>
      readFile(file).then(
        (body) => response.writeHead(200, { 'content-type': contentTypeOf(file), 'cache-control': 'no-store' }).end(body),
        () => response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(`Cannot read ${path}`),
      );
    if (typeof route === 'function') return route(request, response, serveFile);
    const file = route;
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    void serveFile(file);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const { port: actual } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${actual}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
