/**
 * Hostile requests for the API fuzz test. Every request this generator makes is invalid by
 * construction, so none may change anything: a mutating route only ever gets a body that cannot
 * be valid (not JSON, not an object, the wrong media type, too large, a file whose bytes lie) or a
 * path naming nothing that exists; everything else is free to be as hostile as it likes.
 */
import fc from 'fast-check';
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

const NASTY = [
  '', ' ', '0', '-1', '1e309', 'NaN', 'null', 'undefined', 'true', '[]', '{}', '__proto__', 'constructor', 'prototype',
  "' or 1=1 --", "'; drop table events; --", '<script>alert(1)</script>', '../../../../etc/passwd', '..%2f..%2fetc%2fpasswd',
  '%00', '%', '%zz', '%E0%A4%A', '\uFEFF', '\uD800', 'ﾟ･✿ヾ╲(｡◕‿◕｡)╱✿･ﾟ', 'é'.repeat(300), 'A'.repeat(5000),
  '${jndi:ldap://x}', '{{7*7}}', '`rm -rf /`', '\r\nSet-Cookie: x=1', 'S-2026-00001',
];

/** Lone surrogates cannot be URL-encoded: they go as the raw bytes a broken client would send. */
function enc(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80';
  }
}

const nasty = fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 40 }), fc.uuid(), fc.integer().map(String));
/** NUL characters in paths and query strings: PostgreSQL refuses them in text (the API answers 500). */
const withNul = fc.oneof(nasty, fc.constantFrom('\u0000', 'a\u0000b', '\u0000'.repeat(3)));
/** A path segment: URL-encoded unless it is one of the raw broken encodings. */
const rawSegment = withNul.map((s) => (/^%|%[0-9a-z]{0,2}$/i.test(s) ? s : enc(s) || '%20'));
/**
 * Without `brokenUrls`: well-encoded segments within the router's parameter length. Fastify's
 * router answers broken encodings (FST_ERR_BAD_URL, 400) and over-long parameters
 * (FST_ERR_MAX_PARAM_LENGTH, 414) itself, in plain JSON, before the API's error handler.
 */
const wellFormed = (s: string) => s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
const cleanSegment = (nul: boolean) => (nul ? withNul : nasty).map((s) => enc(wellFormed(s)) || '%20').filter((s) => s.length <= 100);

// Routes as the API publishes them; live streams are left out (a valid one never ends), and so is
// logging out, which would end the fuzzing principal's own session.
const TEMPLATES = ROWS.filter((r) => !r.sse && !(r.method === 'DELETE' && r.path === '/api/v1/session')).map((r) => ({ method: r.method, path: r.path }));

const pathOf = (template: string, o: FuzzOptions) =>
  fc.array(o.brokenUrls ? rawSegment : cleanSegment(o.nulBytes), { minLength: 4, maxLength: 4 }).map((values) => {
    let i = 0;
    return template.replace(/\{[^}]+\}/g, () => values[i++ % values.length]!);
  });

const query = (nul: boolean) => fc.oneof(
  fc.constant(''),
  fc.dictionary(fc.oneof(fc.constantFrom('q', 'limit', 'at', 'version', 'status', 'service', 'from', 'to', '__proto__[x]', 'fileName', 'sort'), fc.string({ maxLength: 10 })), nul ? withNul : nasty, { maxKeys: 4 }).map(
    (d) => `?${Object.entries(d).map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&')}`,
  ),
  fc.constantFrom('?limit=-1', '?limit=99999999999999999999', '?a=1&a=2&a=3', '?%zz=1', '?q=' + 'x'.repeat(10_000), '?at=not-a-date&at=2020-01-01'),
);

/** JSON that no route accepts as its body: not JSON at all, or not an object. */
const invalidJsonBody = fc.oneof(
  fc.constantFrom('{', '{"a":', '[1,2', 'nul', "{'single':'quotes'}", '{"a":1}{"b":2}', '\u0000', '{"__proto__":', 'x'.repeat(2 * 1024 * 1024)),
  fc.string({ maxLength: 30 }).filter((s) => !isJsonObject(s)),
  fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.string(), fc.array(fc.anything(), { maxLength: 5 })).map((v) => JSON.stringify(v)),
);

function isJsonObject(text: string): boolean {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v);
  } catch {
    return false;
  }
}

/** Any JSON object, hostile or not: only sent where the path already names nothing. */
const anyObjectBody = fc.oneof(
  fc.object({ maxDepth: 3 }).map((o) => JSON.stringify(o)),
  fc.constantFrom('{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"x":1}}}', `{"message":"${'x'.repeat(20_000)}"}`, '{"text":"\\u0000"}'),
);

/** Bytes no accepted file type would take: they start with a NUL byte, which no magic number does and no text file holds. */
const lyingFile: fc.Arbitrary<string | Buffer> = fc.uint8Array({ minLength: 1, maxLength: 64 }).map((a) => Buffer.concat([Buffer.from([0]), Buffer.from(a)]));

/** A header value an HTTP parser would let through (no control characters, no line breaks). */
const headerValue = nasty.map((s) => s.replace(/[^\x20-\x7e]/g, '?'));

const hostileHeaders = fc.record(
  {
    'if-match': headerValue,
    'idempotency-key': headerValue,
    'x-channel': headerValue,
    accept: fc.constantFrom('*/*', 'text/html', 'application/xml', '', 'application/json;q=0'),
    cookie: nasty.map((s) => `guichet_session=${enc(s)}`),
    'x-upload-key': headerValue,
  },
  { requiredKeys: [] },
);
const hostileAuthorization = fc.oneof(headerValue.map((s) => `Bearer ${s}`), headerValue.map((s) => `Basic ${s}`), headerValue);

const CONTENT_TYPES = ['application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'multipart/form-data; boundary=x', 'application/json; charset=utf-16', 'image/png', 'application/pdf', 'application/octet-stream'];

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
      route: fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...TEMPLATES) }, { weight: 1, arbitrary: fc.record({ method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'), path: fc.constant('/api/v1/{x}/{y}') }) }),
      query: query(options.nulBytes),
      headers: hostileHeaders,
      authorization: fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: hostileAuthorization }),
      contentType: fc.constantFrom(...CONTENT_TYPES),
      paramsOnly: fc.boolean(),
    })
    .chain((r) => {
      const hasParams = r.route.path.includes('{');
      const mutating = r.route.method !== 'GET';
      const isUpload = r.route.path === '/api/v1/documents';
      // A body that is invalid whatever the path; or any object when the path already names nothing.
      const body: fc.Arbitrary<string | Buffer> = isUpload ? lyingFile : hasParams && r.paramsOnly ? fc.oneof(invalidJsonBody, anyObjectBody) : invalidJsonBody;
      return fc.record({ path: pathOf(r.route.path, options), payload: mutating ? fc.option(body, { freq: 8 }) : fc.constant(null) }).map(({ path, payload }) => {
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

const UPLOAD_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/gif', 'image/webp', 'text/plain', 'application/vnd.oasis.opendocument.text', 'application/x-msdownload', 'text/html'];
const pickUploadType = (bytes: string | Buffer) => UPLOAD_TYPES[bytes.length % UPLOAD_TYPES.length]!;
