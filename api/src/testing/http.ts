/** Small HTTP helpers for API tests: JSON calls with a bearer token, and an SSE reader. */
export interface Answer<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export function client(baseUrl: string) {
  async function call<T = any>(
    method: string,
    path: string,
    options: { token?: string | undefined; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<Answer<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    }
    const res = await fetch(`${baseUrl}${path}`, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, headers: res.headers, body: parsed as T };
  }
  return {
    call,
    get: <T = any>(path: string, token?: string) => call<T>('GET', path, { token }),
    post: <T = any>(path: string, body: unknown, token?: string, headers?: Record<string, string>) =>
      call<T>('POST', path, { token, body, ...(headers ? { headers } : {}) }),
  };
}

export interface SseMessage {
  event: string;
  id?: string | undefined;
  data: any;
}

/** Opens an SSE stream and collects its messages; `next(pred)` waits for a matching one. */
export async function openEventStream(url: string, token: string) {
  const controller = new AbortController();
  const res = await fetch(url, {
    headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
    signal: controller.signal,
  });
  if (!res.ok || !res.body) throw new Error(`SSE ${url}: ${res.status}`);
  const messages: SseMessage[] = [];
  const listeners = new Set<() => void>();
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const fields = Object.fromEntries(
            block
              .split('\n')
              .filter((l) => l && !l.startsWith(':'))
              .map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]),
          );
          if (fields.data === undefined) continue;
          messages.push({ event: fields.event ?? 'message', id: fields.id, data: JSON.parse(fields.data) });
          for (const l of [...listeners]) l();
        }
      }
    } catch {
      // aborted
    }
  })();
  return {
    status: res.status,
    contentType: res.headers.get('content-type'),
    messages,
    next(pred: (m: SseMessage) => boolean, timeoutMs = 5000): Promise<SseMessage> {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find(pred);
          if (found) {
            listeners.delete(check);
            clearTimeout(timer);
            resolve(found);
          }
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(
            new Error(
              `no matching SSE message within ${timeoutMs} ms; got ${JSON.stringify(messages.map((m) => m.event))}`,
            ),
          );
        }, timeoutMs);
        listeners.add(check);
        check();
      });
    },
    close: () => controller.abort(),
  };
}
