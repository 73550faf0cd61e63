/**
 * The session bench's server is `npm start`'s: bench/session-load.mjs starts the built
 * dist/server/bin.js (its processes, threads, V8 tuning and warm-up) on an ephemeral port of
 * 127.0.0.1, sized by BILLDIFF_PROCESSES and BILLDIFF_SEARCH_THREADS as `npm start` is.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { parseSearchThreads } from '../../src/server/processes.js';
import { repoRoot } from '../helpers/paths.js';
// @ts-expect-error: a script of the bench, without types
import { childrenOf, connectionsHeld, listeningPort, newSearches, searchKind, serverCpu, startServer } from '../../bench/session-load.mjs';

describe('bench/session-load: the server it measures', function () {
  this.timeout(60000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'billdiff-bench-server-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('should run npm start’s script with its processes, on 127.0.0.1, and stop it with SIGTERM', async () => {
    const env = { BILLDIFF_DATA: path.join(dir, 'data'), DATABASE_URL: '', BILLDIFF_STORE: path.join(dir, 'store'), BILLDIFF_PROCESSES: '2' };
    const server = (await startServer(env)) as { base: string; pid: number; stop: () => Promise<void> };
    try {
      expect(server.base).to.match(/^http:\/\/127\.0\.0\.1:\d+$/);
      const argv = fs.readFileSync(`/proc/${server.pid}/cmdline`, 'utf8').split('\0');
      expect(argv[1]).to.equal(path.join(repoRoot, 'dist', 'server', 'bin.js'));
      expect(childrenOf(server.pid)).to.have.length(2);
      // npm start's first start imports the bundled bills: the bill page is the database's.
      const res = await fetch(`${server.base}/api/search?q=${encodeURIComponent('AB 1656')}`);
      expect(res.status).to.equal(200);
      expect(((await res.json()) as { results: Array<{ id: string }> }).results.map((r) => r.id)).to.deep.equal(['ca-20252026-0-ab1656']);
    } finally {
      await server.stop();
    }
    expect(() => process.kill(server.pid, 0)).to.throw();
  });

  it('should refuse a BILLDIFF_SEARCH_THREADS that is no number of threads, as npm start does', async () => {
    let error: Error | undefined;
    await startServer({ BILLDIFF_DATA: path.join(dir, 'data'), DATABASE_URL: '', BILLDIFF_STORE: path.join(dir, 'store'), BILLDIFF_SEARCH_THREADS: 'two' }).catch((e: Error) => (error = e));
    expect(error?.message).to.equal('the server stopped (2)');
  });

  it('should say what CPU the server used: all its threads, and its serving threads’ with their waits', async () => {
    const env = { BILLDIFF_DATA: path.join(dir, 'data'), DATABASE_URL: '', BILLDIFF_STORE: path.join(dir, 'store'), BILLDIFF_PROCESSES: '2' };
    const server = (await startServer(env)) as { base: string; pid: number; stop: () => Promise<void> };
    try {
      type Cpu = { cpu: number; serving: number; waited: number; forced: number };
      const before = serverCpu(server.pid) as Cpu;
      for (let i = 0; i < 20; i++) await fetch(`${server.base}/search?q=${encodeURIComponent(`court ${i}`)}`).then((r) => r.arrayBuffer());
      const after = serverCpu(server.pid) as Cpu;
      expect(after.serving).to.be.above(before.serving);
      // Every thread's CPU: the serving threads' and more (the primary's, the search threads').
      expect(after.cpu - before.cpu).to.be.at.least(after.serving - before.serving);
      expect(after.waited).to.be.at.least(before.waited);
      expect(Number.isInteger(after.forced)).to.equal(true);
    } finally {
      await server.stop();
    }
    expect(serverCpu(server.pid)).to.equal(undefined);
  });

  it('should count the connections the serving process holds (one process: the server itself)', async () => {
    const env = { BILLDIFF_DATA: path.join(dir, 'data'), DATABASE_URL: '', BILLDIFF_STORE: path.join(dir, 'store'), BILLDIFF_PROCESSES: '1' };
    const server = (await startServer(env)) as { base: string; pid: number; stop: () => Promise<void> };
    const port = Number(new URL(server.base).port);
    const net = await import('node:net');
    const sockets: InstanceType<typeof net.Socket>[] = [];
    try {
      expect(connectionsHeld(server.pid, port)).to.deep.equal([0]);
      // Five keep-alive connections, each answered once and left open.
      await Promise.all(
        Array.from(
          { length: 5 },
          () =>
            new Promise<void>((resolve, reject) => {
              const socket = net.connect(port, '127.0.0.1', () => socket.write('GET /api/sections/PEN/1050 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'));
              sockets.push(socket);
              socket.once('data', () => resolve()).once('error', reject);
            }),
        ),
      );
      expect(connectionsHeld(server.pid, port)).to.deep.equal([5]);
    } finally {
      for (const socket of sockets) socket.destroy();
      await server.stop();
    }
    expect(connectionsHeld(server.pid, port)).to.equal(undefined);
  });

  it('should tell the kinds of new searches apart: citations, section numbers, words, two words', () => {
    expect(['/search?q=AB%2010001', '/search?q=90007', '/search?q=court', '/search?q=good%20cause'].map(searchKind)).to.deep.equal(['citation', 'number', 'word', 'two words']);
    const urls = newSearches(path.join(repoRoot, 'test', 'fixtures', 'store-pubinfo-synthetic', 'session'), ['ca-20252026-0-ab1656'], 40) as string[];
    for (const url of urls) expect(['citation', 'number', 'word', 'two words']).to.include(searchKind(url));
  });

  it('should read the port from npm start’s line', () => {
    expect(listeningPort('billdiff is listening on http://localhost:40123/\n')).to.equal(40123);
    expect(listeningPort('billdiff is listening on http://[::1]:3000/\n')).to.equal(3000);
    expect(listeningPort('billdiff: cannot listen on port 3000\n')).to.equal(undefined);
  });

  it('should read BILLDIFF_SEARCH_THREADS: unset, its share; else 0 to 16', () => {
    expect(parseSearchThreads(undefined, 2)).to.deep.equal({ searchThreads: 2 });
    expect(parseSearchThreads('', 1)).to.deep.equal({ searchThreads: 1 });
    expect(parseSearchThreads('0', 2)).to.deep.equal({ searchThreads: 0 });
    expect(parseSearchThreads('16', 2)).to.deep.equal({ searchThreads: 16 });
    for (const bad of ['17', '-1', 'two', '1.5', ' 1']) {
      expect(parseSearchThreads(bad, 2)).to.deep.equal({ error: `BILLDIFF_SEARCH_THREADS must be a number of threads from 0 to 16, not “${bad}”` });
    }
  });
});

describe('bench/http-load: every request new', function () {
  this.timeout(30000);

  it('should ask for each path once and stop there (once), with the rate over its own time', async () => {
    const http = await import('node:http');
    // @ts-expect-error: a script of the bench, without types
    const { httpLoad } = await import('../../bench/http-load.mjs');
    const asked = new Map<string, number>();
    const server = http.createServer((req, res) => {
      asked.set(req.url!, (asked.get(req.url!) ?? 0) + 1);
      res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as { port: number };
      const paths = Array.from({ length: 600 }, (_, i) => `/p${i}`);
      const started = Date.now();
      const r = await httpLoad(`http://127.0.0.1:${port}`, { connections: 10, seconds: 10, paths, once: true, kindOf: () => 'all' });
      const seconds = (Date.now() - started) / 1000;
      expect(r).to.include({ tool: 'autocannon', total: 600, errors: 0, non2xx: 0, wrapped: false });
      expect(r.kinds.all.n).to.equal(600);
      // Each connection's first answer apart from the others.
      expect(r.firstAnswers.n).to.equal(10);
      expect(r.laterAnswers.n).to.equal(590);
      expect([...asked.keys()].sort()).to.deep.equal([...paths].sort());
      expect(Math.max(...asked.values())).to.equal(1);
      // Stopped at the last path, not after its 10 s; the rate is the requests over the time to the last answer.
      expect(seconds).to.be.below(10);
      expect(r.rps).to.be.at.least(600 / seconds);
    } finally {
      server.close();
    }
  });
});
