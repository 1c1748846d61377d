import { proxyEvents } from '$lib/server/sse';
import type { RequestHandler } from './$types';

/** Live notices for the queue: a request of one of my services arrived or changed. */
export const GET: RequestHandler = ({ locals, request }) => proxyEvents(locals.token, '/queues/live', request);
