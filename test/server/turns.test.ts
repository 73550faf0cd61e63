/**
 * Requests started a few a turn (src/server/turns.ts): the handler itself, counted turn by turn, and a
 * real server answering every request of connections opened at once, in the order each sent them.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import net from 'node:net';
import { expect } from 'chai';
import express from 'express';
import { listenOn } from '../../src/server/listen.js';
import { fewATurn } from '../../src/server/turns.js';

/** Resolves at the next turn's check phase, after the immediates queued before it. */
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('server/turns: requests started a few a turn', () => {
  it('should start the requests waiting for msATurn a turn, at least one, in the order they came, the rest in the turns after', async () => {
    // A clock the handler moves on: each request's handler takes 0.4 ms, a slow one 3 ms.
    let now = 0;
    const started: number[] = [];
    const handler = fewATurn(
      (request) => {
        const n = (request as unknown as { n: number }).n;
        started.push(n);
        now += n === 4 ? 3 : 0.4;
      },
      1,
      () => now,
    );
    const request = (n: number) => handler({ n } as unknown as IncomingMessage, {} as ServerResponse);
    for (let n = 1; n <= 6; n++) request(n);
    // None in the turn they came in: each is started from the check phase.
    expect(started).to.deep.equal([]);
    await nextTurn();
    // 0.4 + 0.4 + 0.4 ms: the third starts at 0.8 ms, before the turn's millisecond is up.
    expect(started).to.deep.equal([1, 2, 3]);
    // One that comes now waits behind those that came before it.
    request(7);
    await nextTurn();
    // The slow one takes its turn's millisecond and more: the next waits for the turn after.
    expect(started).to.deep.equal([1, 2, 3, 4]);
    await nextTurn();
    expect(started).to.deep.equal([1, 2, 3, 4, 5, 6, 7]);
    await nextTurn();
    expect(started).to.deep.equal([1, 2, 3, 4, 5, 6, 7]);
    // Handlers that take no time all start in one turn.
    const quick = fewATurn((request) => started.push((request as unknown as { n: number }).n), 1, () => 0);
    for (let n = 30; n < 50; n++) quick({ n } as unknown as IncomingMessage, {} as ServerResponse);
    await nextTurn();
    expect(started.slice(7)).to.deep.equal(Array.from({ length: 20 }, (_, i) => 30 + i));
  });

  it('should answer every request of 20 connections opened at once, each in its own, however many a turn starts', async () => {
    const app = express();
    let running = 0;
    let most = 0;
    app.get('/n/:n', (req, res) => {
      running++;
      most = Math.max(most, running);
      // Answered in a later turn, as a page that waits on something would be.
      setImmediate(() => {
        running--;
        res.type('text/plain').send(`page ${req.params['n']}`);
      });
    });
    const { server, port } = await listenOn(app, 0, '127.0.0.1', 1);
    const sockets: net.Socket[] = [];
    try {
      const answers = await Promise.all(
        Array.from(
          { length: 20 },
          (_, n) =>
            new Promise<string>((resolve, reject) => {
              const socket = net.connect(port, '127.0.0.1', () => socket.write(`GET /n/${n} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`));
              sockets.push(socket);
              let text = '';
              socket.setEncoding('latin1').on('data', (chunk: string) => {
                text += chunk;
                if (text.endsWith(`page ${n}`)) resolve(text);
              });
              socket.once('error', reject);
            }),
        ),
      );
      expect(answers.map((a) => a.slice(0, a.indexOf('\r\n')))).to.deep.equal(Array(20).fill('HTTP/1.1 200 OK'));
      expect(answers.map((a) => a.slice(a.lastIndexOf('\n') + 1))).to.deep.equal(Array.from({ length: 20 }, (_, n) => `page ${n}`));
      expect(most).to.be.at.least(1);
    } finally {
      for (const socket of sockets) socket.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
