/** The hostile pieces requests are made of: strings, path segments, query strings, bodies, headers. */
import fc from 'fast-check';

const NASTY = [
  '',
  ' ',
  '0',
  '-1',
  '1e309',
  'NaN',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  'prototype',
  "' or 1=1 --",
  "'; drop table events; --",
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '..%2f..%2fetc%2fpasswd',
  '%00',
  '%',
  '%zz',
  '%E0%A4%A',
  '\uFEFF',
  '\uD800',
  'ﾟ･✿ヾ╲(｡◕‿◕｡)╱✿･ﾟ',
  'é'.repeat(300),
  'A'.repeat(5000),
  '${jndi:ldap://x}',
  '{{7*7}}',
  '`rm -rf /`',
  '\r\nSet-Cookie: x=1',
  'S-2026-00001',
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
export const rawSegment = withNul.map((s) => (/^%|%[0-9a-z]{0,2}$/i.test(s) ? s : enc(s) || '%20'));
/**
 * Without `brokenUrls`: well-encoded segments within the router's parameter length. Fastify's
 * router answers broken encodings (FST_ERR_BAD_URL, 400) and over-long parameters
 * (FST_ERR_MAX_PARAM_LENGTH, 414) itself, in plain JSON, before the API's error handler.
 */
const wellFormed = (s: string) =>
  s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
export const cleanSegment = (nul: boolean) =>
  (nul ? withNul : nasty).map((s) => enc(wellFormed(s)) || '%20').filter((s) => s.length <= 100);

export const query = (nul: boolean) =>
  fc.oneof(
    fc.constant(''),
    fc
      .dictionary(
        fc.oneof(
          fc.constantFrom(
            'q',
            'limit',
            'at',
            'version',
            'status',
            'service',
            'from',
            'to',
            '__proto__[x]',
            'fileName',
            'sort',
          ),
          fc.string({ maxLength: 10 }),
        ),
        nul ? withNul : nasty,
        { maxKeys: 4 },
      )
      .map(
        (d) =>
          `?${Object.entries(d)
            .map(([k, v]) => `${enc(k)}=${enc(v)}`)
            .join('&')}`,
      ),
    fc.constantFrom(
      '?limit=-1',
      '?limit=99999999999999999999',
      '?a=1&a=2&a=3',
      '?%zz=1',
      '?q=' + 'x'.repeat(10_000),
      '?at=not-a-date&at=2020-01-01',
    ),
  );

/** JSON that no route accepts as its body: not JSON at all, or not an object. */
export const invalidJsonBody = fc.oneof(
  fc.constantFrom(
    '{',
    '{"a":',
    '[1,2',
    'nul',
    "{'single':'quotes'}",
    '{"a":1}{"b":2}',
    '\u0000',
    '{"__proto__":',
    'x'.repeat(2 * 1024 * 1024),
  ),
  fc.string({ maxLength: 30 }).filter((s) => !isJsonObject(s)),
  fc
    .oneof(
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.string(),
      fc.array(fc.anything(), { maxLength: 5 }),
    )
    .map((v) => JSON.stringify(v)),
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
export const anyObjectBody = fc.oneof(
  fc.object({ maxDepth: 3 }).map((o) => JSON.stringify(o)),
  fc.constantFrom(
    '{"__proto__":{"admin":true}}',
    '{"constructor":{"prototype":{"x":1}}}',
    `{"message":"${'x'.repeat(20_000)}"}`,
    '{"text":"\\u0000"}',
  ),
);

/** Bytes no accepted file type would take: they start with a NUL byte, which no magic number does and no text file holds. */
export const lyingFile: fc.Arbitrary<string | Buffer> = fc
  .uint8Array({ minLength: 1, maxLength: 64 })
  .map((a) => Buffer.concat([Buffer.from([0]), Buffer.from(a)]));

/** A header value an HTTP parser would let through (no control characters, no line breaks). */
const headerValue = nasty.map((s) => s.replace(/[^\x20-\x7e]/g, '?'));

export const hostileHeaders = fc.record(
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
export const hostileAuthorization = fc.oneof(
  headerValue.map((s) => `Bearer ${s}`),
  headerValue.map((s) => `Basic ${s}`),
  headerValue,
);

export const CONTENT_TYPES = [
  'application/json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/xml',
  'multipart/form-data; boundary=x',
  'application/json; charset=utf-16',
  'image/png',
  'application/pdf',
  'application/octet-stream',
];

const UPLOAD_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'text/plain',
  'application/vnd.oasis.opendocument.text',
  'application/x-msdownload',
  'text/html',
];
export const pickUploadType = (bytes: string | Buffer) => UPLOAD_TYPES[bytes.length % UPLOAD_TYPES.length]!;
