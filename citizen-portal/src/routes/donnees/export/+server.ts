import { error, redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** « Télécharger mes données »: the API's JSON export, passed through with its file name. */
export const GET: RequestHandler = async ({ locals }) => {
  if (!locals.token) redirect(303, '/connexion?redirectTo=/donnees');
  const upstream = await locals.api.raw('/me/export');
  if (!upstream.ok)
    error(upstream.status === 401 ? 401 : 502, 'L’export de vos données est momentanément indisponible.');
  const date = new Date().toISOString().slice(0, 10);
  return new Response(upstream.body, {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition':
        upstream.headers.get('content-disposition') ?? `attachment; filename="mes-donnees-${date}.json"`,
      'cache-control': 'private, no-store',
    },
  });
};
