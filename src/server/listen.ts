/**
 * Starting the server for `npm start`: the port from `PORT`, the address from `HOST`, and one plain
 * line for each way starting can fail (a bad value, a port in use or not allowed), never a stack trace.
 */
import { createServer, IncomingMessage, ServerResponse, type Server } from 'node:http';
import { isIP, type AddressInfo } from 'node:net';
import type { Express } from 'express';
import { fewATurn } from './turns.js';

/** The port `PORT` names (3000 when unset or empty), or why it names none. */
export function parsePort(value: string | undefined): { port: number } | { error: string } {
  if (value === undefined || value === '') return { port: 3000 };
  const port = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  if (!(port >= 0 && port <= 65535)) return { error: `PORT must be a port number from 0 to 65535, not “${value}”` };
  return { port };
}

/**
 * The address `HOST` names: 127.0.0.1 when unset or empty, so that a server started on a laptop (it
 * takes uploads) answers this machine only; `HOST=0.0.0.0` (or `::`, or one interface's address or
 * name) serves a network, as a shared deployment does.
 */
export function parseHost(value: string | undefined): { host: string } | { error: string } {
  if (value === undefined || value === '') return { host: '127.0.0.1' };
  if (isIP(value) || /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/.test(value)) {
    return { host: value };
  }
  return { error: `HOST must be an IP address or a host name, not “${value}”` };
}

/** The address to print for a server listening on `host`: `localhost` for the loopback and wildcard ones. */
export function urlHost(host: string): string {
  if (host === '127.0.0.1' || host === '0.0.0.0' || host === '::' || host === '::1') return 'localhost';
  return isIP(host) === 6 ? `[${host}]` : host;
}

/** Why the server could not listen on `port`, in a line. */
export function listenFailure(port: number, error: NodeJS.ErrnoException): string {
  const why =
    error.code === 'EADDRINUSE'
      ? 'another program is listening on it (set PORT to another port)'
      : error.code === 'EACCES'
        ? 'permission denied (ports below 1024 need privileges; set PORT to another port)'
        : error.message;
  return `cannot listen on port ${port}: ${why}`;
}

/**
 * Listens on `host`:`port`; resolves with the server and the port it got, rejects with `listenFailure`'s
 * line. `msATurn`: how long each turn of the event loop starts requests (turns.ts), else all at once.
 */
export function listenOn(app: Express, port: number, host = '127.0.0.1', msATurn?: number): Promise<{ server: Server; port: number }> {
  return new Promise((resolve, reject) => {
    const handler = msATurn ? fewATurn(app, msATurn) : app;
    const server = createServer({ IncomingMessage: madeWith(IncomingMessage, app.request), ServerResponse: madeWith(ServerResponse, app.response) }, handler);
    server.once('error', (error: NodeJS.ErrnoException) => reject(new Error(listenFailure(port, error))));
    server.listen(port, host, () => resolve({ server, port: (server.address() as AddressInfo).port }));
  });
}

/**
 * `base`'s constructor (node:http's request or response), its objects made with `prototype` (Express's
 * request or response of the app) from the start. Express sets that prototype on each request and
 * response as it arrives (`Object.setPrototypeOf` in its app.handle); set already, that changes nothing,
 * where moving an object made with node:http's own prototype to another hidden class made node:http's
 * code that then writes the answer miss its inline caches (measured on new bill pages: the serving
 * thread's CPU a request 0.62 → 0.52 ms). `base` is called on the object as a function, as node:http's
 * own subclasses of it call it (`Reflect.construct` with this constructor as `new.target` cost more
 * than it saved); should node:http's constructors ever be classes, the server is made as before.
 */
function madeWith<T extends typeof IncomingMessage | typeof ServerResponse>(base: T, prototype: object): T {
  if (/^class\b/.test(Function.prototype.toString.call(base))) return base;
  const made = function (this: object, a: unknown, b: unknown) {
    (base as unknown as (this: object, a: unknown, b: unknown) => void).call(this, a, b);
  };
  made.prototype = prototype;
  return made as unknown as T;
}
