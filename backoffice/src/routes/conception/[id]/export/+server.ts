import { apiFetch } from '$lib/server/api';
import { requireDesigner } from '$lib/designer/procedures.server';
import type { RequestHandler } from './$types';

/** The procedure as a JSON file another town can import (`GET /admin/procedures/:id/export`). */
export const GET: RequestHandler = async ({ locals, params }) => {
  const { token } = requireDesigner(locals);
  const upstream = await apiFetch(token, `/admin/procedures/${encodeURIComponent(params.id)}/export`);
  if (!upstream.ok)
    return new Response('Export impossible : démarche introuvable ou droits insuffisants.', {
      status: upstream.status,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  return new Response(upstream.body, {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition':
        upstream.headers.get('content-disposition') ?? 'attachment; filename="demarche.guichet.json"',
      'cache-control': 'no-store',
    },
  });
};
