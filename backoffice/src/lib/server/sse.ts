import { error } from '@sveltejs/kit';
import { apiFetch } from './api';

/**
 * Pipes one of the API's Server-Sent Events streams to the browser, which never talks to the
 * API itself. Closing the page aborts the upstream request.
 */
export async function proxyEvents(token: string | null, path: string, request: Request): Promise<Response> {
  if (!token) error(401, 'Connectez-vous pour continuer.');
  const query: Record<string, string> = {};
  const last = request.headers.get('last-event-id');
  if (last) query.lastEventId = last;
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
