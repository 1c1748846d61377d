import type { FastifyInstance } from 'fastify';
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
      const audience = audienceOf(req);
      const sse = openSse(req, reply);
      // The id of each message is the event's global position: a reconnect resumes after it.
      let sent =
        lastEventId(req) || Math.max(0, ...(await app.queries.timeline(c.id, audience)).map((e) => e.position));
      let pushing = Promise.resolve();
      const push = async () => {
        const events = (await app.queries.timeline(c.id, audience)).filter((e) => e.position > sent);
        if (events.length === 0 || sse.closed) return;
        for (const e of events) sse.send('timeline', e, e.position);
        sent = Math.max(sent, ...events.map((e) => e.position));
        const now = await app.queries.getCase(c.id);
        if (now) sse.send('case', await caseViewFor(app, now, audience));
      };
      const sub = app.changes.pipe(filter((n) => n.caseIds.includes(c.id))).subscribe(() => {
        // Serialised so two quick notices never send an event twice.
        pushing = pushing.then(push).catch((err: unknown) => req.log.warn({ err }, 'live push failed'));
      });
      sse.onClose(() => sub.unsubscribe());
      pushing = pushing.then(push);
    },
  );
}
