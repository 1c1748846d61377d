import { proxyEvents } from '$lib/server/sse';
import type { RequestHandler } from './$types';

/** Live events of one request (the citizen's answer, a colleague's action). */
export const GET: RequestHandler = ({ locals, params, request }) =>
  proxyEvents(locals.token, `/cases/${params.id}/live`, request);
