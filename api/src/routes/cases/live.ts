import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Audience } from '../../plugins/context.ts';
import { Type } from '@sinclair/typebox';
import { filter } from 'rxjs';
import { IdParams } from '../../lib/schemas.ts';
import { lastEventId, openSse } from '../../lib/sse.ts';
import { audienceOf, visibleCase } from './queries.ts';
import { caseViewFor } from './views.ts';

export default async function caseLiveRoutes(app: FastifyInstance) {
  app.get(
    '/cases/:id/live',
    {
      schema: {
        tags: ['demandes'],
        summary: 'Flux en direct (Server-Sent Events) : chaque nouvel événement de la demande',
        params: IdParams,
        querystring: Type.Object({ lastEventId: Type.Optional(Type.String({ maxLength: 20 })) }),
      },
    },
    async (req, reply) => {
      const c = await visibleCase(app, req, (req.params as { id: string }).id);
      streamCase(app, req, reply, c.id, audienceOf(req));
    },
  );
}

/** Streams a case's new timeline events (as the audience sees them) and its new state. */
export function streamCase(
  app: FastifyInstance,
  req: FastifyRequest,
  reply: FastifyReply,
  caseId: string,
  audience: Audience,
): void {
  const sse = openSse(req, reply);
  // The id of each message is the event's global position: a reconnect resumes after it.
  let sent = lastEventId(req);
  let pushing: Promise<void> = (async () => {
    if (sent === 0) sent = Math.max(0, ...(await app.queries.timeline(caseId, audience)).map((e) => e.position));
  })();
  const push = async () => {
    const events = (await app.queries.timeline(caseId, audience)).filter((e) => e.position > sent);
    if (events.length === 0 || sse.closed) return;
    for (const e of events) sse.send('timeline', e, e.position);
    sent = Math.max(sent, ...events.map((e) => e.position));
    const now = await app.queries.getCase(caseId);
    if (now) sse.send('case', await caseViewFor(app, now, audience));
  };
  const schedule = () => {
    // Serialised so two quick notices never send an event twice.
    pushing = pushing.then(push).catch((err: unknown) => req.log.warn({ err }, 'live push failed'));
  };
  const sub = app.changes.pipe(filter((n) => n.caseIds.includes(caseId))).subscribe(schedule);
  sse.onClose(() => sub.unsubscribe());
  schedule();
}
