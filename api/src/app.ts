import type { FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import context, { type AppDeps } from './plugins/context.ts';
import errors from './plugins/errors.ts';
import auth from './plugins/auth.ts';
import idempotency from './plugins/idempotency.ts';
import { migrateApi } from './lib/migrations.ts';
import healthRoutes from './routes/health.ts';
import sessionRoutes from './routes/session.ts';
import procedureRoutes from './routes/procedures.ts';
import documentRoutes from './routes/documents.ts';
import caseCommandRoutes from './routes/cases/commands.ts';
import submitRoute from './routes/cases/submit.ts';
import caseQueryRoutes from './routes/cases/queries.ts';
import caseLiveRoutes from './routes/cases/live.ts';
import meRoutes from './routes/me.ts';
import trackingRoutes from './routes/tracking.ts';
import queueRoutes from './routes/queues.ts';
import citizenRoutes from './routes/citizens.ts';
import adminProcedureRoutes from './routes/admin/procedures.ts';
import adminAgentRoutes from './routes/admin/agents.ts';
import adminDelegationRoutes from './routes/admin/delegations.ts';
import adminModerationRoutes from './routes/admin/moderation.ts';
import statsRoutes from './routes/stats.ts';
import exportRoutes from './routes/exports.ts';
import tenantRoutes from './routes/tenants.ts';
import adminTenantRoutes from './routes/admin/tenant.ts';

/** The whole HTTP API as one plugin: `server.ts` listens; tests use `app.inject`. */
export default async function guichetApi(app: FastifyInstance, deps: AppDeps) {
  await migrateApi(deps.db);
  await app.register(context, deps);
  await app.register(errors);
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Guichet API',
        version: '1.0.0',
        description: "API des démarches en ligne : demandes, suivi multicanal, files d'attente des agents.",
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          cookie: { type: 'apiKey', in: 'cookie', name: 'guichet_session' },
        },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  await app.register(auth, { sessionHours: deps.config.sessionHours });
  await app.register(idempotency);

  await app.register(healthRoutes);
  await app.register(
    async (v1) => {
      await v1.register(sessionRoutes);
      await v1.register(procedureRoutes);
      await v1.register(documentRoutes);
      await v1.register(submitRoute);
      await v1.register(caseCommandRoutes);
      await v1.register(caseQueryRoutes);
      await v1.register(caseLiveRoutes);
      await v1.register(meRoutes);
      await v1.register(trackingRoutes);
      await v1.register(queueRoutes);
      await v1.register(citizenRoutes);
      await v1.register(adminProcedureRoutes);
      await v1.register(adminAgentRoutes);
      await v1.register(adminDelegationRoutes);
      await v1.register(adminModerationRoutes);
      await v1.register(statsRoutes);
      await v1.register(exportRoutes);
      await v1.register(tenantRoutes);
      await v1.register(adminTenantRoutes);
    },
    { prefix: '/api/v1' },
  );
}
