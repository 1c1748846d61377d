import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { Problem } from '../lib/schemas.ts';

/** Projections further behind than this make the instance "not ready" (it still serves). */
const MAX_READY_LAG = 1000;

export default async function healthRoutes(app: FastifyInstance) {
  app.get(
    '/health',
    { schema: { tags: ['exploitation'], response: { 200: Type.Object({ status: Type.Literal('ok') }) } } },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/ready',
    {
      schema: {
        tags: ['exploitation'],
        response: {
          200: Type.Object({
            status: Type.String(),
            database: Type.String(),
            projections: Type.Array(Type.Object({ name: Type.String(), behind: Type.Number() })),
          }),
          503: Type.Union([
            Problem,
            Type.Object({
              status: Type.String(),
              database: Type.String(),
              projections: Type.Array(Type.Object({ name: Type.String(), behind: Type.Number() })),
            }),
          ]),
        },
      },
    },
    async (_req, reply) => {
      try {
        await app.db.query('select 1');
      } catch {
        return reply
          .code(503)
          .header('retry-after', '5')
          .type('application/problem+json')
          .send({ type: 'about:blank', title: 'Base de données injoignable', status: 503 });
      }
      const projections = await app.projectionLag();
      const ready = projections.every((p) => p.behind <= MAX_READY_LAG);
      return reply
        .code(ready ? 200 : 503)
        .send({ status: ready ? 'ready' : 'catching-up', database: 'ok', projections });
    },
  );
}
