import { error, redirect } from '@sveltejs/kit';
import { base } from '$app/paths';
import { apiFetch } from '$lib/server/api';
import type { RequestHandler } from './$types';

const PASSED_HEADERS = [
  'content-type',
  'content-length',
  'content-disposition',
  'content-security-policy',
  'x-content-type-options',
  'etag',
];

/** Streams a document of the request from the API; the browser never holds the API token. */
export const GET: RequestHandler = async ({ locals, params }) => {
  if (!locals.token) redirect(303, `${base}/connexion`);
  let upstream: Response;
  try {
    upstream = await apiFetch(locals.token, `/cases/${params.id}/documents/${params.documentId}`);
  } catch {
    error(503, 'Document momentanément indisponible.');
  }
  if (upstream.status === 404) error(404, 'Document introuvable.');
  if (!upstream.ok || !upstream.body) error(upstream.status >= 500 ? 503 : upstream.status, 'Document indisponible.');
  const headers = new Headers({ 'cache-control': 'private, max-age=300' });
  for (const name of PASSED_HEADERS) {
    const value = upstream.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(upstream.body, { headers });
};
