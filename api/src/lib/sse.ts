import type { FastifyReply, FastifyRequest } from 'fastify';

export interface SseChannel {
  send(event: string, data: unknown, id?: string | number): void;
  readonly closed: boolean;
  onClose(fn: () => void): void;
}

const HEARTBEAT_MS = 15_000;

/** Open streams, ended on shutdown so a graceful close does not wait for clients that never leave. */
const open = new Set<() => void>();

export function endAllStreams(): void {
  for (const end of [...open]) end();
}

/**
 * Takes over the response and keeps it open as a Server-Sent Events stream. Proxies must not
 * buffer it (X-Accel-Buffering) and a comment line every 15 s keeps idle connections alive.
 */
export function openSse(req: FastifyRequest, reply: FastifyReply): SseChannel {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.write('retry: 2000\n\n');
  let closed = false;
  const closers: (() => void)[] = [];
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
  const close = () => {
    if (closed) return;
    closed = true;
    open.delete(end);
    clearInterval(heartbeat);
    for (const fn of closers) fn();
  };
  const end = () => {
    close();
    res.end();
  };
  open.add(end);
  req.raw.on('close', close);
  res.on('close', close);
  return {
    send(event, data, id) {
      if (closed) return;
      const lines = [`event: ${event}`, ...(id !== undefined ? [`id: ${id}`] : []), `data: ${JSON.stringify(data)}`];
      res.write(`${lines.join('\n')}\n\n`);
    },
    get closed() {
      return closed;
    },
    onClose(fn) {
      if (closed) fn();
      else closers.push(fn);
    },
  };
}

/** Last-Event-ID (header on reconnect, or `?lastEventId=` for clients that cannot set it). */
export function lastEventId(req: FastifyRequest): number {
  const raw = req.headers['last-event-id'] ?? (req.query as { lastEventId?: string } | undefined)?.lastEventId;
  const n = Number(raw);
  return Number.isSafeInteger(n) && n > 0 ? n : 0;
}
