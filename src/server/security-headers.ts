/**
 * The security headers of every answer: helmet's, with a strict Content-Security-Policy (scripts and
 * styles only from /static, no inline code). Helmet is asked once, when the app is made, and its
 * headers are kept: none of them depends on the request, so each answer gets the same list without
 * running helmet's dozen middleware functions again (the database's pages send the list in the one
 * `writeHead` call that also carries their own headers, see ./database-routes.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import helmet from 'helmet';

/** Helmet as the app configures it. */
const securityMiddleware = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'none'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'"],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      formAction: ["'self'"],
      baseUri: ["'none'"],
      frameAncestors: ["'none'"],
      objectSrc: ["'none'"],
    },
  },
  referrerPolicy: { policy: 'same-origin' },
});

/** Helmet's headers, in the order it sets them: name, value, name, value… (`writeHead`'s flat form). */
export const securityHeaders: readonly string[] = recordHelmet();

/** Sets the security headers on an answer, as helmet would (its only removal, X-Powered-By, is never set: the app disables it). */
export function setSecurityHeaders(res: ServerResponse): void {
  for (let i = 0; i < securityHeaders.length; i += 2) res.setHeader(securityHeaders[i]!, securityHeaders[i + 1]!);
}

/** The middleware that sets them. */
export const securityHeadersMiddleware: RequestHandler = (_req, res, next) => {
  setSecurityHeaders(res);
  next();
};

/** Runs helmet once on a response that only records what is set; fails if helmet ever wants the request or anything else. */
function recordHelmet(): string[] {
  const headers: string[] = [];
  let done = false;
  const res = {
    setHeader(name: string, value: unknown) {
      if (typeof value !== 'string') throw new Error(`helmet set ${name} to a non-string value`);
      headers.push(name, value);
      return res;
    },
    removeHeader(name: string) {
      if (name.toLowerCase() !== 'x-powered-by') throw new Error(`helmet removed ${name}`);
    },
  };
  const req = new Proxy({}, { get: (_t, key) => { throw new Error(`helmet read the request's ${String(key)}`); } });
  securityMiddleware(req as IncomingMessage, res as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
    done = true;
  });
  if (!done) throw new Error('helmet did not finish at once');
  return headers;
}
