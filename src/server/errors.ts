/**
 * Error handling for the server: every failure becomes a status and a plain message, shown
 * as an HTML page or, where the route answers JSON (`/api/`, `/compare/locate`), as JSON
 * `{"error": message}`. Stacks are never sent.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { isBilldiffError, type BilldiffErrorCode } from '../util/errors.js';
import type { Views } from './views.js';

/** A failure with an HTTP status and a message fit to show the user. */
export class HttpError extends Error {
  readonly status: number;
  /** The page's heading, when the status's usual one does not fit. */
  readonly title: string | undefined;

  constructor(status: number, message: string, title?: string) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.title = title;
  }
}

const STATUS_OF_CODE: Record<BilldiffErrorCode, number> = {
  input: 400,
  usage: 400,
  'not-found': 404,
  'too-large': 413,
  budget: 503,
};

const TITLES: Record<number, string> = {
  400: 'The input could not be read',
  404: 'Not found',
  413: 'Too large',
  500: 'Something went wrong',
  503: 'The comparison took too long',
};

/** The status and user-facing message of any error; unknown errors say nothing about themselves. */
export function describeError(error: unknown, maxBodyBytes: number): { status: number; message: string; title?: string } {
  if (error instanceof HttpError) return { status: error.status, message: error.message, ...(error.title ? { title: error.title } : {}) };
  if (isBilldiffError(error)) return { status: STATUS_OF_CODE[error.code] ?? 400, message: error.message };
  const http = error as { status?: unknown; type?: unknown; expose?: unknown };
  if (http.type === 'entity.too.large') return { status: 413, message: `the request body is larger than the ${formatLimit(maxBodyBytes)} this server accepts` };
  if (http.type === 'entity.parse.failed') return { status: 400, message: 'the request body is not valid JSON' };
  if (typeof http.status === 'number' && http.status >= 400 && http.status < 500) {
    return { status: http.status, message: http.expose && error instanceof Error ? error.message : TITLES[http.status] ?? 'bad request' };
  }
  return { status: 500, message: 'an unexpected error occurred; it has been logged' };
}

/** Sends anything that reached the end of the routes to the 404 handler. */
export const notFound: RequestHandler = (_req, _res, next) => {
  next(new HttpError(404, 'there is no page at this address'));
};

/** Whether a path's route answers JSON: the API, and the page locator the compare pages ask. */
function answersJson(path: string): boolean {
  return path.startsWith('/api/') || path === '/compare/locate';
}

/** The 4-argument error middleware: an HTML page, or JSON where the route answers JSON. */
export function errorHandler(views: Views, maxBodyBytes: number): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const { status, message, title = TITLES[status] ?? 'Error' } = describeError(error, maxBodyBytes);
    if (status >= 500 && status !== 503) console.error(error);
    res.status(status).set('Cache-Control', 'no-store');
    if (status === 503) res.set('Retry-After', '60');
    if (answersJson(req.path)) {
      res.json({ error: message });
      return;
    }
    res.type('html').send(views.render('error', { pageTitle: title, status, title, message }));
  };
}

/** "5 MB" */
export function formatLimit(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}
