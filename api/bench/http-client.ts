/** A small keep-alive JSON client on node:http: enough for load loops without extra dependencies. */
import { Agent, request } from 'node:http';

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: any;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    what: string,
  ) {
    super(`${what}: HTTP ${status} ${JSON.stringify(body).slice(0, 300)}`);
  }
}

export function keepAliveClient(baseUrl: string, maxSockets = 64) {
  const url = new URL(baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets });
  function call(
    method: string,
    path: string,
    body?: unknown,
    token?: string,
    headers: Record<string, string> = {},
  ): Promise<Reply> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          method,
          path,
          headers: {
            ...(payload !== undefined
              ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
              : {}),
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...headers,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown = text;
            try {
              parsed = text ? JSON.parse(text) : null;
            } catch {
              // not JSON
            }
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: parsed });
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.setTimeout(30_000, () => req.destroy(new Error(`${method} ${path}: timeout`)));
      if (payload !== undefined) req.write(payload);
      req.end();
    });
  }
  /** Like `call`, but a non-2xx answer throws. */
  async function ok(
    method: string,
    path: string,
    body?: unknown,
    token?: string,
    headers?: Record<string, string>,
  ): Promise<any> {
    const r = await call(method, path, body, token, headers);
    if (r.status < 200 || r.status >= 300) throw new HttpError(r.status, r.body, `${method} ${path}`);
    return r.body;
  }
  async function login(email: string, password = 'guichet-demo'): Promise<string> {
    return (await ok('POST', '/api/v1/session', { email, password })).token as string;
  }
  return { call, ok, login, close: () => agent.destroy() };
}

export type KeepAliveClient = ReturnType<typeof keepAliveClient>;
