/**
 * `npm start` for real (the built dist/server/bin.js; the test script builds first): it serves,
 * and when it cannot start it says why in one line and exits with status 2.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import express from 'express';
import { listenFailure, listenOn, parseHost, parsePort, urlHost } from '../../src/server/listen.js';
import { repoRoot } from '../helpers/paths.js';

interface Started {
  /** The exit status, or `listening` when the server said it listens (it is then stopped). */
  outcome: number | 'listening';
  stdout: string;
  stderr: string;
  /** What GET / answered while it listened. */
  index?: number;
}

/** Runs the server with `PORT` (and `HOST`, unset by default), until it exits or says it listens (then asks for / and stops it). */
function start(port: string, store: string, host = '', processes = ''): Promise<Started> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'dist', 'server', 'bin.js')], {
      env: { ...process.env, PORT: port, HOST: host, BILLDIFF_PROCESSES: processes, BILLDIFF_STORE: store, BILLDIFF_DATA: path.join(store, 'data'), DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let index: number | undefined;
    let listening = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const at = /listening on (http:\/\/\S+)/.exec(stdout);
      if (at && !listening) {
        listening = true;
        fetch(at[1]!.replace('localhost', '127.0.0.1'))
          .then((res) => (index = res.status), () => (index = 0))
          .finally(() => child.kill('SIGTERM'));
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ outcome: listening ? 'listening' : (code ?? -1), stdout, stderr, ...(index !== undefined ? { index } : {}) }));
  });
}

describe('server/bin (npm start)', function () {
  this.timeout(20000);
  let store: string;
  before(() => {
    store = fs.mkdtempSync(path.join(os.tmpdir(), 'billdiff-store-'));
  });
  after(() => fs.rmSync(store, { recursive: true, force: true }));

  it('should serve the corpus on the port PORT names (0: any free port)', async () => {
    const started = await start('0', store);
    expect(started.outcome).to.equal('listening');
    expect(started.stdout).to.match(/^billdiff is listening on http:\/\/localhost:\d+\/\n$/);
    expect(started.index).to.equal(200);
  });

  for (const processes of ['1', '2']) {
    it(`should exit with status 2 and one line when the port is taken (BILLDIFF_PROCESSES=${processes})`, async () => {
      const taken = net.createServer();
      await new Promise<void>((resolve) => taken.listen(0, resolve));
      const port = (taken.address() as net.AddressInfo).port;
      try {
        const started = await start(String(port), store, '', processes);
        expect(started).to.deep.equal({ outcome: 2, stdout: '', stderr: `billdiff: cannot listen on port ${port}: another program is listening on it (set PORT to another port)\n` });
      } finally {
        await new Promise((resolve) => taken.close(resolve));
      }
    });
  }

  it('should exit with status 2 and one line for a BILLDIFF_PROCESSES that is no number of processes', async () => {
    const started = await start('0', store, '', 'all');
    expect(started).to.deep.equal({ outcome: 2, stdout: '', stderr: 'billdiff: BILLDIFF_PROCESSES must be a number of processes from 1 to 64, not “all”\n' });
  });

  for (const bad of ['abc', '70000', '-1', '3000x']) {
    it(`should exit with status 2 and one line for PORT=${bad}`, async () => {
      const started = await start(bad, store);
      expect(started).to.deep.equal({ outcome: 2, stdout: '', stderr: `billdiff: PORT must be a port number from 0 to 65535, not “${bad}”\n` });
    });
  }

  it('should exit with status 2 and one line for a HOST that is no address', async () => {
    const started = await start('0', store, 'evil host;rm');
    expect(started).to.deep.equal({ outcome: 2, stdout: '', stderr: 'billdiff: HOST must be an IP address or a host name, not “evil host;rm”\n' });
  });

  describe('#parseHost, #urlHost', () => {
    it('should listen on this machine only unless HOST names an address or a host name', () => {
      expect([undefined, '', '0.0.0.0', '::', '192.168.1.20', 'billdiff.example.org', 'a b', '-x', 'x..y'].map(parseHost)).to.deep.equal([
        { host: '127.0.0.1' },
        { host: '127.0.0.1' },
        { host: '0.0.0.0' },
        { host: '::' },
        { host: '192.168.1.20' },
        { host: 'billdiff.example.org' },
        { error: 'HOST must be an IP address or a host name, not “a b”' },
        { error: 'HOST must be an IP address or a host name, not “-x”' },
        { error: 'HOST must be an IP address or a host name, not “x..y”' },
      ]);
    });

    it('should bind the loopback address unless told otherwise', async () => {
      const { server } = await listenOn(express(), 0);
      try {
        expect((server.address() as net.AddressInfo).address).to.equal('127.0.0.1');
      } finally {
        await new Promise((resolve) => server.close(resolve));
      }
    });

    it("should make each request and response with the app's Express prototypes, and answer as Express does", async () => {
      const app = express();
      app.get('/x', (req, res) => {
        res.set('X-Method', req.method).json({ path: req.path, query: req.query });
      });
      const { server, port } = await listenOn(app, 0);
      const made: boolean[] = [];
      // Before the app's own listener: as node:http made them, before Express's handle sets anything.
      server.prependListener('request', (req, res) => made.push(Object.getPrototypeOf(req) === app.request, Object.getPrototypeOf(res) === app.response));
      try {
        const answer = await fetch(`http://127.0.0.1:${port}/x?a=1`);
        expect(answer.status).to.equal(200);
        expect(answer.headers.get('x-method')).to.equal('GET');
        expect(answer.headers.get('content-type')).to.equal('application/json; charset=utf-8');
        expect(await answer.json()).to.deep.equal({ path: '/x', query: { a: '1' } });
        expect((await fetch(`http://127.0.0.1:${port}/nothing`)).status).to.equal(404);
        expect(made).to.deep.equal([true, true, true, true]);
      } finally {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
    });

    it('should print localhost for the loopback and wildcard addresses, brackets for IPv6', () => {
      expect(['127.0.0.1', '0.0.0.0', '::', '192.168.1.20', 'fe80::1', 'billdiff.example.org'].map(urlHost)).to.deep.equal([
        'localhost',
        'localhost',
        'localhost',
        '192.168.1.20',
        '[fe80::1]',
        'billdiff.example.org',
      ]);
    });
  });

  describe('#parsePort, #listenFailure', () => {
    it('should read a port, default to 3000, and refuse anything else', () => {
      expect([undefined, '', '0', '8080', '65535', '65536', ' 80', '1e3'].map(parsePort)).to.deep.equal([
        { port: 3000 },
        { port: 3000 },
        { port: 0 },
        { port: 8080 },
        { port: 65535 },
        { error: 'PORT must be a port number from 0 to 65535, not “65536”' },
        { error: 'PORT must be a port number from 0 to 65535, not “ 80”' },
        { error: 'PORT must be a port number from 0 to 65535, not “1e3”' },
      ]);
    });

    it('should say plainly why a port cannot be listened on', () => {
      const error = (code: string, message: string) => Object.assign(new Error(message), { code });
      expect(listenFailure(80, error('EACCES', 'listen EACCES: permission denied 0.0.0.0:80'))).to.equal(
        'cannot listen on port 80: permission denied (ports below 1024 need privileges; set PORT to another port)',
      );
      expect(listenFailure(3000, error('EADDRNOTAVAIL', 'listen EADDRNOTAVAIL: address not available'))).to.equal('cannot listen on port 3000: listen EADDRNOTAVAIL: address not available');
    });
  });
});
