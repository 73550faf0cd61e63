/**
 * Request bodies, bounded as a whole. express's body readers count the bytes that arrive, whatever
 * the transfer encoding (a Content-Length, or chunks with none) and after inflating a gzip or
 * deflate body, and answer 413 past the limit. A multipart form is read whole that way, then split
 * with busboy, with limits on the number of parts and fields and on the size of each; a form busboy
 * cannot read is a 400 with its reason, never a 500.
 */
import busboy from 'busboy';
import express, { type Request, type RequestHandler } from 'express';
import { HttpError, formatLimit } from './errors.js';

/** A file of a multipart form. */
export interface UploadedFile {
  /** The file name the browser gave (a base name is taken of it before use). */
  name: string;
  bytes: Buffer;
}

/** A multipart form: its text fields and its files, by field name. */
export interface Form {
  fields: Record<string, string>;
  files: Record<string, UploadedFile>;
}

/** What a form may hold. */
export interface FormOptions {
  /** Largest body, in bytes. */
  maxBytes: number;
  /** Names of the file fields accepted (one file each). */
  files: string[];
  /** Most text fields. @default 8 */
  maxFields?: number;
}

const forms = new WeakMap<Request, Form>();

/**
 * Admits at most `max` large uploads at a time, from the first byte of the body to the last of the
 * answer, so that the bodies held in memory and the comparisons waiting for a worker stay bounded
 * however many arrive; one more is told the server is busy (503) before its body is read. An upload
 * is large unless it declares a length of at most `smallBytes` and no content encoding.
 */
export class UploadGate {
  readonly #max: number;
  readonly #smallBytes: number;
  #active = 0;

  constructor(max: number, smallBytes: number) {
    this.#max = max;
    this.#smallBytes = smallBytes;
  }

  readonly admit: RequestHandler = (req, res, next) => {
    const declared = Number(req.headers['content-length'] ?? Number.NaN);
    if (!req.headers['content-encoding'] && !req.headers['transfer-encoding'] && declared <= this.#smallBytes) {
      next();
      return;
    }
    if (this.#active >= this.#max) {
      next(new HttpError(503, `the server is busy with other large uploads (it takes ${this.#max} at a time); try again in a minute`, 'The server is busy'));
      return;
    }
    this.#active += 1;
    let released = false;
    res.on('close', () => {
      if (!released) this.#active -= 1;
      released = true;
    });
    next();
  };
}

/** The multipart form of a request read by `readForm` (empty when the body was not one). */
export function formOf(req: Request): Form {
  return forms.get(req) ?? { fields: {}, files: {} };
}

/**
 * Middleware that reads a multipart form (see `formOf`), and with `json`, a JSON body into
 * `req.body`; the whole body is bounded by `maxBytes`, and with a `gate`, the uploads at once.
 */
export function readForm(options: FormOptions & { json?: boolean; gate?: UploadGate }): RequestHandler[] {
  const limit = options.maxBytes;
  return [
    ...(options.gate ? [options.gate.admit] : []),
    ...(options.json ? [express.json({ limit })] : []),
    express.raw({ type: 'multipart/form-data', limit }),
    (req, _res, next) => {
      if (!Buffer.isBuffer(req.body)) {
        next();
        return;
      }
      const raw = req.body;
      req.body = undefined;
      splitForm(req, raw, options).then((form) => {
        forms.set(req, form);
        next();
      }, next);
    },
  ];
}

/** Splits a multipart body held in memory into its fields and files. */
function splitForm(req: Request, raw: Buffer, options: FormOptions): Promise<Form> {
  const maxFields = options.maxFields ?? 8;
  const tooLarge = () => new HttpError(413, `the upload is larger than the ${formatLimit(options.maxBytes)} this server accepts`);
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        limits: {
          fields: maxFields,
          files: options.files.length,
          parts: maxFields + options.files.length,
          fieldSize: options.maxBytes,
          fileSize: options.maxBytes,
          headerPairs: 20,
        },
      });
    } catch (error) {
      reject(notUnderstood(error));
      return;
    }
    const form: Form = { fields: {}, files: {} };
    let failed: Error | undefined;
    const fail = (error: Error) => {
      failed ??= error;
    };
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) fail(tooLarge());
      else form.fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      const chunks: Buffer[] = [];
      // A file cut short fails its stream as well as the parser: an unheard 'error' would end the process.
      stream.on('error', (error) => fail(notUnderstood(error)));
      if (!options.files.includes(name) || form.files[name]) {
        fail(new HttpError(400, `the upload has an unexpected file field (${name}): send ${options.files.join(' and ')}`));
        stream.resume();
        return;
      }
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => fail(tooLarge()));
      stream.on('end', () => {
        form.files[name] = { name: info.filename ?? name, bytes: Buffer.concat(chunks) };
      });
    });
    parser.on('fieldsLimit', () => fail(new HttpError(400, `the upload has more than ${maxFields} fields`)));
    parser.on('filesLimit', () => fail(new HttpError(400, `the upload has more than ${options.files.length} files`)));
    parser.on('partsLimit', () => fail(new HttpError(400, `the upload has more than ${maxFields + options.files.length} parts`)));
    parser.on('error', (error) => reject(notUnderstood(error)));
    parser.on('close', () => (failed ? reject(failed) : resolve(form)));
    parser.end(raw);
  });
}

/** busboy's reason for a form it cannot read ("Unexpected end of form"), as a 400. */
function notUnderstood(error: unknown): HttpError {
  const reason = error instanceof Error ? error.message.replace(/^Multipart: /, '').toLowerCase() : 'malformed';
  return new HttpError(400, `the upload was not understood: it is not a well-formed multipart form (${reason})`);
}
