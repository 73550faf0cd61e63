/**
 * `npm start` from several processes (BILLDIFF_PROCESSES, node:cluster), for real: the built
 * dist/server/bin.js over a fresh database of each backend, asked over HTTP; one process killed and
 * replaced; all stopped by SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect } from 'chai';
import { parseProcesses, threadsPerProcess } from '../../src/server/processes.js';
import { repoRoot } from '../helpers/paths.js';
import { describeBackends } from '../store/backends.js';
// @ts-expect-error: a script of the bench, without types
import { childrenOf, connectionsHeld } from '../../bench/session-load.mjs';

async function until<T>(what: string, check: () => T | undefined, ms = 15000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Opens `count` connections to 127.0.0.1:`port` at once, each asking for `target`: their status lines, the connections left open. */
async function openAtOnce(port: number, count: number, target: string): Promise<{ statuses: string[]; sockets: net.Socket[] }> {
  const sockets: net.Socket[] = [];
  const statuses = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<string>((resolve, reject) => {
          const socket = net.connect(port, '127.0.0.1', () => socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`));
          sockets.push(socket);
          let head = '';
          socket.setEncoding('latin1').on('data', (chunk: string) => {
            head += chunk;
            if (head.includes('\r\n')) resolve(head.slice(0, head.indexOf('\r\n')));
          });
          socket.once('error', reject);
        }),
    ),
  );
  return { statuses, sockets };
}

/** GETs `url` on a connection of its own (so the primary hands each to a process in turn). */
async function get(url: string): Promise<{ status: number; body: string }> {
  const res = await fetch(url, { headers: { connection: 'close' } });
  return { status: res.status, body: await res.text() };
}

describe('server/processes', () => {
  it('should read BILLDIFF_PROCESSES: by default one a processor, at most 2; else 1 to 64', () => {
    expect([undefined, '', '1', '3', '64'].map((v) => parseProcesses(v, 8))).to.deep.equal([{ processes: 2 }, { processes: 2 }, { processes: 1 }, { processes: 3 }, { processes: 64 }]);
    expect(parseProcesses(undefined, 1)).to.deep.equal({ processes: 1 });
    for (const bad of ['0', '65', 'two', '-1', ' 2', '2.5']) {
      expect(parseProcesses(bad, 2)).to.deep.equal({ error: `BILLDIFF_PROCESSES must be a number of processes from 1 to 64, not “${bad}”` });
    }
  });

  it('should go on when a process’s channel fails as the process goes (EPIPE: the worker’s error event)', async () => {
    // A primary of one process whose channel reports EPIPE at once; it says where it listens, then stops on SIGTERM.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'billdiff-epipe-'));
    const script = path.join(dir, 'primary.mjs');
    const processes = JSON.stringify(pathToFileURL(path.join(repoRoot, 'dist', 'server', 'processes.js')).href);
    fs.writeFileSync(
      script,
      [
        `import cluster from 'node:cluster';`,
        `import { runPrimary, tellPrimary } from ${processes};`,
        `if (cluster.isWorker) { await tellPrimary({ type: 'listening', port: 1 }); setInterval(() => {}, 1000); }`,
        `else {`,
        `  cluster.on('fork', (w) => w.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' })));`,
        `  await runPrimary({ processes: 1, listening: (port) => { console.log('listening', port); process.kill(process.pid, 'SIGTERM'); }, failed: (m) => console.log('failed', m) });`,
        `  console.log('stopped');`,
        `}`,
      ].join('\n'),
    );
    try {
      const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      const code = await new Promise((resolve) => child.once('exit', resolve));
      expect({ code, stdout, stderr }).to.deep.equal({ code: 0, stdout: 'listening 1\nstopped\n', stderr: '' });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('should size each process’s threads so that together they fit the processors', () => {
    expect([1, 2, 3].map((n) => threadsPerProcess(n, 2))).to.deep.equal([
      { workers: 2, searchThreads: 2 },
      { workers: 1, searchThreads: 1 },
      { workers: 1, searchThreads: 1 },
    ]);
    expect(threadsPerProcess(2, 8)).to.deep.equal({ workers: 2, searchThreads: 2 });
  });
});

describeBackends('server: npm start from two processes', (backend) => {
  let child: ChildProcess | undefined;
  let stdout = '';
  let stderr = '';
  let base = '';
  let store = '';
  let exited: Promise<number | null>;

  before(async function () {
    this.timeout(60000);
    store = fs.mkdtempSync(path.join(os.tmpdir(), 'billdiff-processes-'));
    child = spawn(process.execPath, [path.join(repoRoot, 'dist', 'server', 'bin.js')], {
      env: { ...process.env, PORT: '0', HOST: '', BILLDIFF_PROCESSES: '2', BILLDIFF_STORE: store, BILLDIFF_DATA: '', DATABASE_URL: '', ...backend().env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    exited = new Promise((resolve) => child!.once('exit', (code) => resolve(code)));
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    base = await until('the server to listen', () => /listening on http:\/\/localhost:(\d+)\//.exec(stdout)?.[1], 50000).then((port) => `http://127.0.0.1:${port}`);
  });

  after(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    fs.rmSync(store, { recursive: true, force: true });
  });

  it('should import bills/ once, say once where it listens, and serve the database’s pages from both processes', async function () {
    this.timeout(30000);
    expect(stdout).to.match(/^billdiff is listening on http:\/\/localhost:\d+\/\n$/);
    expect(stderr).to.equal('');
    expect(childrenOf(child!.pid!)).to.have.length(2);
    for (let i = 0; i < 6; i++) {
      const search = await get(`${base}/search?q=${encodeURIComponent('AB 1656')}`);
      expect(search.status).to.equal(200);
      expect(search.body).to.contain('AB 1656');
      const section = await get(`${base}/api/sections/PEN/1050`);
      expect(section.status).to.equal(200);
      expect(JSON.parse(section.body)).to.include({ code: 'PEN', number: '1050' });
    }
    // Each bundled bill once: the primary imported them before the processes started.
    const bills = JSON.parse((await get(`${base}/api/search?q=${encodeURIComponent('AB 1656')}`)).body) as { results: Array<{ id: string }> };
    expect(bills.results.map((r) => r.id)).to.deep.equal(['ca-20252026-0-ab1656']);
  });

  it('should share 50 connections opened at once between both processes (each serves some)', async function () {
    this.timeout(30000);
    // The primary hands them out in turn (node:cluster's round robin, src/server/processes.ts): measured
    // 19/36 at worst on 2 loaded cores, where processes accepting for themselves split 14/36 and 11/44.
    const port = Number(new URL(base).port);
    const { statuses, sockets } = await openAtOnce(port, 50, '/api/sections/PEN/1050');
    try {
      expect(new Set(statuses)).to.deep.equal(new Set(['HTTP/1.1 200 OK']));
      const held = connectionsHeld(child!.pid!, port) as number[];
      expect(held).to.have.length(2);
      expect(held[0]! + held[1]!, `connections held: ${held.join('/')}`).to.be.at.least(50);
      expect(Math.min(...held), `connections held: ${held.join('/')}`).to.be.greaterThan(0);
    } finally {
      for (const socket of sockets) socket.destroy();
    }
  });

  it('should start another process in place of one that dies, and go on serving', async function () {
    this.timeout(30000);
    const [victim, other] = childrenOf(child!.pid!);
    process.kill(victim!, 'SIGKILL');
    const now = await until('a process in its place', () => {
      const current = childrenOf(child!.pid!);
      return current.length === 2 && !current.includes(victim!) ? current : undefined;
    });
    expect(now).to.include(other);
    // The primary wrote its line before it forked, but the new process can be seen before the line is read.
    await until('the primary to say so', () => (stderr.endsWith('\n') ? stderr : undefined));
    expect(stderr).to.equal(`billdiff: server process ${victim} stopped (SIGKILL); starting another\n`);
    for (let i = 0; i < 6; i++) expect((await get(`${base}/bills/ca-20252026-0-ab1656`)).status).to.equal(200);
  });

  it('should stop every process on SIGTERM and exit with status 0', async function () {
    this.timeout(30000);
    const processes = childrenOf(child!.pid!);
    const before = stderr;
    // Searches under way whose clients go: the process closes its database under none of them.
    const gone = new AbortController();
    const words = ['shall', 'court', 'person', 'state', 'county', 'public', 'section', 'law', 'code', 'bill'];
    let answered!: () => void;
    const first = new Promise<void>((resolve) => (answered = resolve));
    const searches = words.flatMap((a) => words.map((b) => `${a} ${b}`)).map((q) =>
      fetch(`${base}/search?q=${encodeURIComponent(q)}`, { signal: gone.signal }).then((r) => (answered(), r.text())).catch(() => undefined),
    );
    await first;
    child!.kill('SIGTERM');
    gone.abort();
    await Promise.all(searches);
    expect(await exited).to.equal(0);
    expect(stderr).to.equal(before);
    for (const pid of processes) expect(() => process.kill(pid, 0)).to.throw();
  });
});
