/**
 * Hostile request bodies (issue 9): the whole body is bounded whatever its transfer or content
 * encoding, forms are bounded in parts and fields, and a form that cannot be read is a 400.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Server } from 'node:http';
import { gzipSync } from 'node:zlib';
import { expect } from 'chai';
import { closeApp, createApp } from '../../src/server/app.js';
import { listen } from '../helpers/browser.js';

const BOUNDARY = 'billdiff-test-boundary';
const field = (name: string, value: string) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
const file = (name: string, text: string) =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"; filename="${name}.txt"\r\nContent-Type: text/plain\r\n\r\n${text}\r\n`;
const END = `--${BOUNDARY}--\r\n`;

/** Sends a body in chunks with no Content-Length (Transfer-Encoding: chunked); answers status and body. */
function post(base: string, route: string, chunks: Array<string | Buffer>, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const url = new URL(route, base);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, ...headers } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

describe('server: hostile request bodies', () => {
  const LIMIT = 64 * 1024;
  let base: string;
  let server: Server;
  let app: ReturnType<typeof createApp>;
  let storeDir: string;

  before(async () => {
    storeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'billdiff-store-'));
    app = createApp({ storeDir, maxBodyBytes: LIMIT });
    ({ server, base } = await listen(app));
  });
  after(async () => {
    await new Promise((resolve) => server.close(resolve));
    await closeApp(app);
    fs.rmSync(storeDir, { recursive: true, force: true });
  });

  it('should compare a small chunked multipart form', async () => {
    const res = await post(base, '/api/compare', [file('old', '(a) One.\n'), file('new', '(a) Two.\n'), END]);
    expect(res.status).to.equal(200);
    expect((JSON.parse(res.body) as { summary: { modified: number } }).summary.modified).to.equal(1);
  });

  it('should answer 413 to a chunked form over the limit, even when each part is under it', async () => {
    // Six fields of 60 KB and two small files: every part is under 64 KB, the body is 360 KB.
    const parts = Array.from({ length: 6 }, (_, i) => field(`x${i}`, 'a'.repeat(60 * 1024)));
    const res = await post(base, '/api/compare', [...parts, file('old', '(a) One.\n'), file('new', '(a) Two.\n'), END]);
    expect(res.status).to.equal(413);
    expect(JSON.parse(res.body)).to.deep.equal({ error: 'the request body is larger than the 64 KB this server accepts' });
  });

  it('should count a gzip body inflated', async () => {
    const body = gzipSync(Buffer.from(file('old', 'a'.repeat(1024 * 1024)) + file('new', '(a) Two.\n') + END));
    expect(body.length).to.be.below(LIMIT);
    const res = await post(base, '/api/compare', [body], { 'content-encoding': 'gzip' });
    expect(res.status).to.equal(413);
    expect(JSON.parse(res.body)).to.deep.equal({ error: 'the request body is larger than the 64 KB this server accepts' });
  });

  it('should answer 413 with a page to an upload form over the limit', async () => {
    const res = await post(base, '/upload', [field('oldText', 'a'.repeat(40 * 1024)), field('newText', 'b'.repeat(40 * 1024)), END]);
    expect(res.status).to.equal(413);
    expect(res.body).to.contain('<span class="status">Error 413:</span> the request body is larger than the 64 KB this server accepts');
  });

  it('should answer 400 to more fields or files than a form has', async () => {
    const fields = await post(base, '/api/compare', [...Array.from({ length: 9 }, (_, i) => field(`x${i}`, 'a')), END]);
    expect(fields.status).to.equal(400);
    expect(JSON.parse(fields.body)).to.deep.equal({ error: 'the upload has more than 8 fields' });
    const files = await post(base, '/api/compare', [file('old', 'a'), file('other', 'b'), END]);
    expect(files.status).to.equal(400);
    expect(JSON.parse(files.body)).to.deep.equal({ error: 'the upload has an unexpected file field (other): send old and new' });
  });

  for (const [what, chunks, reason] of [
    ['cut short', [`--${BOUNDARY}\r\nContent-Disposition: form-data; name="old"\r\n\r\n(a) One.`], 'unexpected end of form'],
    ['with a broken part header', [`--${BOUNDARY}\r\nContent-Dispo\r\n\r\nabc\r\n${END}`], 'malformed part header'],
    // A file part cut short: busboy fails the file's stream too, which must not go unheard (it took the server down).
    ['cut short inside a file', [`--${BOUNDARY}\r\nContent-Disposition: form-data; name="old"; filename="old.txt"\r\n\r\n(a) One.`], 'unexpected end of form'],
  ] as const) {
    it(`should answer 400 with the reason to a multipart body ${what}`, async () => {
      const api = await post(base, '/api/compare', [...chunks]);
      expect(api.status).to.equal(400);
      expect(JSON.parse(api.body)).to.deep.equal({ error: `the upload was not understood: it is not a well-formed multipart form (${reason})` });
      const page = await post(base, '/upload', [...chunks]);
      expect(page.status).to.equal(400);
      expect(page.body).to.contain(`<span class="status">Error 400:</span> the upload was not understood: it is not a well-formed multipart form (${reason})`);
      // The server is still there to answer the next request.
      expect((await post(base, '/api/compare', [file('old', '(a) One.\n'), file('new', '(a) Two.\n'), END])).status).to.equal(200);
    });
  }

  it('should answer 400 to a file field it does not take, cut short, and go on serving', async () => {
    const res = await post(base, '/api/compare', [file('old', 'a'), `--${BOUNDARY}\r\nContent-Disposition: form-data; name="other"; filename="x.txt"\r\n\r\nabc`]);
    expect(res.status).to.equal(400);
    expect(JSON.parse(res.body)).to.deep.equal({ error: 'the upload was not understood: it is not a well-formed multipart form (unexpected end of form)' });
    expect((await post(base, '/api/compare', [file('old', '(a) One.\n'), file('new', '(a) Two.\n'), END])).status).to.equal(200);
  });

  it('should let in no more large uploads at once than it is set to, and always a small one', async () => {
    const gated = createApp({ storeDir, maxBodyBytes: LIMIT, maxLargeUploads: 1 });
    const { server: gatedServer, base: gatedBase } = await listen(gated);
    try {
      // A large upload (chunked: no declared length) that is still sending its body holds the one place.
      const url = new URL('/api/compare', gatedBase);
      let answer!: Promise<{ status: number; body: string }>;
      const slow = http.request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } });
      answer = new Promise((resolve, reject) => {
        slow.on('response', (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        slow.on('error', reject);
      });
      slow.write(file('old', '(a) One.\n'));
      await new Promise((resolve) => setTimeout(resolve, 200));

      const busy = await post(gatedBase, '/api/compare', [file('old', '(a) One.\n'), file('new', '(a) Two.\n'), END]);
      expect({ status: busy.status, body: JSON.parse(busy.body) }).to.deep.equal({
        status: 503,
        body: { error: 'the server is busy with other large uploads (it takes 1 at a time); try again in a minute' },
      });
      const page = await post(gatedBase, '/upload', [field('oldText', 'a'), field('newText', 'b'), END]);
      expect(page.status).to.equal(503);
      expect(page.body).to.contain('<h1>The server is busy</h1>');
      // A small upload with its length declared is let in.
      const small = file('old', '(a) One.\n') + file('new', '(a) Two.\n') + END;
      expect((await post(gatedBase, '/api/compare', [small], { 'content-length': String(Buffer.byteLength(small)) })).status).to.equal(200);

      slow.end(file('new', '(a) Two.\n') + END);
      expect((await answer).status).to.equal(200);
      // Its place is free again.
      expect((await post(gatedBase, '/api/compare', [file('old', '(a) One.\n'), file('new', '(a) Two.\n'), END])).status).to.equal(200);
    } finally {
      await new Promise((resolve) => gatedServer.close(resolve));
      await closeApp(gated);
    }
  });

  it('should answer 400 to a multipart body without a boundary', async () => {
    const res = await post(base, '/api/compare', ['anything'], { 'content-type': 'multipart/form-data' });
    expect(res.status).to.equal(400);
    expect(JSON.parse(res.body)).to.deep.equal({ error: 'the upload was not understood: it is not a well-formed multipart form (boundary not found)' });
  });
});
