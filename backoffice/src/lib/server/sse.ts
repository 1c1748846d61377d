import { error } from '@sveltejs/kit';
import { apiFetch } from './api';

/**
 * Pipes one of the API's Server-Sent Events streams to the browser, which never talks to the
 * API itself. Closing the page aborts the upstream request.
 */
export async function proxyEvents(token: string | null, path: string, request: Request): Promise<Response> {
  if (!token) error(401, 'Connectez-vous pour continuer.');
  const query: Record<string, string> = {};
  // A reconnection says where it stopped (header); the first connection, what the page showed (query).
  const last = request.headers.get('last-event-id') ?? new URL(request.url).searchParams.get('lastEventId');
  if (last && /^\d{1,15}$/.test(last)) query.lastEventId = last;
  let upstream: Response;
  try {
    upstream = await apiFetch(token, path, { query, signal: request.signal });
  } catch {
    error(503, 'Flux en direct indisponible.');
  }
  if (!upstream.ok || !upstream.body) error(upstream.status === 404 ? 404 : 503, 'Flux en direct indisponible.');
  return new Response(upstream.body, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
    },
  });
}
