import { startTestServer, type TestServer } from '../../../api/src/testing/test-server.ts';

/** The whole product for one test file: API, projections and both built apps, with the demo town. */
export function startBackoffice(): Promise<TestServer> {
  return startTestServer();
}

/** Plays the other people: a citizen or a colleague acting through API v1 while the agent's page is open. */
export function apiAs(baseUrl: string, token: string) {
  async function call<T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> {
    const res = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
  return {
    get: <T>(path: string) => call<T>('GET', path),
    post: <T>(path: string, body: unknown = {}, headers?: Record<string, string>) =>
      call<T>('POST', path, body, headers),
  };
}
