/**
 * Hostile requests for the API fuzz test. Every request this generator makes is invalid by
 * construction, so none may change anything: a mutating route only ever gets a body that cannot
 * be valid (not JSON, not an object, the wrong media type, too large, a file whose bytes lie) or a
 * path naming nothing that exists; everything else is free to be as hostile as it likes.
 */
import fc from 'fast-check';
import {
  anyObjectBody,
  cleanSegment,
  CONTENT_TYPES,
  hostileAuthorization,
  hostileHeaders,
  invalidJsonBody,
  lyingFile,
  pickUploadType,
  query,
  rawSegment,
} from './fuzz-inputs.ts';
import { ROWS } from './matrix-routes.ts';

export const FUZZ_ROLES = ['anonymous', 'citizen', 'agent', 'manager', 'admin'] as const;
export type FuzzRole = (typeof FUZZ_ROLES)[number];

export interface HostileRequest {
  role: FuzzRole;
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer | undefined;
}

// Routes as the API publishes them; live streams are left out (a valid one never ends), and so is
// logging out, which would end the fuzzing principal's own session.
const TEMPLATES = ROWS.filter((r) => !r.sse && !(r.method === 'DELETE' && r.path === '/api/v1/session')).map((r) => ({
  method: r.method,
  path: r.path,
}));

const pathOf = (template: string, o: FuzzOptions) =>
  fc.array(o.brokenUrls ? rawSegment : cleanSegment(o.nulBytes), { minLength: 4, maxLength: 4 }).map((values) => {
    let i = 0;
    return template.replace(/\{[^}]+\}/g, () => values[i++ % values.length]!);
  });

/**
 * Two kinds of input the API is known to mishandle are only generated when asked for, so that
 * `npm test` stays deterministic about the rest: broken URLs (Fastify's router answers them in
 * plain JSON) and NUL characters (PostgreSQL refuses them in text: 500).
 */
export interface FuzzOptions {
  brokenUrls: boolean;
  nulBytes: boolean;
}

export function hostileRequest(options: FuzzOptions): fc.Arbitrary<HostileRequest> {
  return fc
    .record({
      role: fc.constantFrom(...FUZZ_ROLES),
      route: fc.oneof(
        { weight: 9, arbitrary: fc.constantFrom(...TEMPLATES) },
        {
          weight: 1,
          arbitrary: fc.record({
            method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
            path: fc.constant('/api/v1/{x}/{y}'),
          }),
        },
      ),
      query: query(options.nulBytes),
      headers: hostileHeaders,
      authorization: fc.oneof(
        { weight: 4, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: hostileAuthorization },
      ),
      contentType: fc.constantFrom(...CONTENT_TYPES),
      paramsOnly: fc.boolean(),
    })
    .chain((r) => {
      const hasParams = r.route.path.includes('{');
      const mutating = r.route.method !== 'GET';
      const isUpload = r.route.path === '/api/v1/documents';
      // A body that is invalid whatever the path; or any object when the path already names nothing.
      const body: fc.Arbitrary<string | Buffer> = isUpload
        ? lyingFile
        : hasParams && r.paramsOnly
          ? fc.oneof(invalidJsonBody, anyObjectBody)
          : invalidJsonBody;
      return fc
        .record({
          path: pathOf(r.route.path, options),
          payload: mutating ? fc.option(body, { freq: 8 }) : fc.constant(null),
        })
        .map(({ path, payload }) => {
          const headers: Record<string, string> = { ...(r.headers as Record<string, string>) };
          if (r.authorization !== null) headers.authorization = r.authorization;
          if (payload !== null) headers['content-type'] = isUpload ? pickUploadType(payload) : r.contentType;
          // A mutating request without a body is invalid only if the route needs one: give it one that is not JSON.
          const finalPayload = mutating && payload === null ? 'not json' : (payload ?? undefined);
          if (mutating && payload === null) headers['content-type'] = 'application/json';
          return { role: r.role, method: r.route.method, url: `${path}${r.query}`, headers, payload: finalPayload };
        });
    });
}
