import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/**
 * The browser's live feed of one request: the API's Server-Sent Events, opened with the resident's
 * token (the browser never talks to the API). Closing the page cancels the upstream stream.
 */
export const GET: RequestHandler = async ({ locals, params, request, url }) => {
  if (!locals.token) error(401, 'Connectez-vous pour suivre cette demande.');
  // A reconnection says where it stopped (header); the first connection, what the page showed (query).
  const resumeAt = request.headers.get('last-event-id') ?? url.searchParams.get('lastEventId');
  const lastEventId = resumeAt && /^\d{1,15}$/.test(resumeAt) ? resumeAt : null;
  const upstream = await locals.api.raw(`/cases/${encodeURIComponent(params.id)}/live`, {
    signal: request.signal,
    extraHeaders: { accept: 'text/event-stream', ...(lastEventId ? { 'last-event-id': lastEventId } : {}) },
  });
  if (!upstream.ok || !upstream.body) {
    await upstream.body?.cancel();
    error(upstream.status === 404 ? 404 : 502, 'Le suivi en direct est indisponible.');
  }
  return new Response(upstream.body, {
    headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-store', 'x-accel-buffering': 'no' },
  });
};
