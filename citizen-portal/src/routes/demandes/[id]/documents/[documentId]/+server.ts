import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** Downloads a file of the resident's own request through the API (which checks it is theirs). */
export const GET: RequestHandler = async ({ locals, params }) => {
  if (!locals.token) error(401, 'Connectez-vous pour télécharger ce document.');
  const upstream = await locals.api.raw(
    `/cases/${encodeURIComponent(params.id)}/documents/${encodeURIComponent(params.documentId)}`,
  );
  if (!upstream.ok || !upstream.body) {
    await upstream.body?.cancel();
    error(upstream.status === 404 ? 404 : 502, 'Ce document est introuvable.');
  }
  const headers = new Headers({ 'cache-control': 'private, no-store' });
  for (const h of [
    'content-type',
    'content-length',
    'content-disposition',
    'x-content-type-options',
    'content-security-policy',
  ]) {
    const v = upstream.headers.get(h);
    if (v) headers.set(h, v);
  }
  return new Response(upstream.body, { headers });
};
