import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from '@sinclair/typebox';
import { citizenDecider, citizenStreamId, type Profile as DomainProfile } from '@guichet/domain';
import { ConcurrencyError } from '@guichet/eventstore';
import { requireUser, SESSION_COOKIE, type AuthUser } from '../plugins/auth.ts';
import { commandMeta } from '../plugins/idempotency.ts';
import { runCommand } from '../lib/commands.ts';
import { hashPassword, verifyPassword } from '../lib/passwords.ts';
import { uuidFrom } from '../lib/ids.ts';
import { conflict, Problem as HttpProblem } from '../lib/problem.ts';
import { Problem, Profile, User } from '../lib/schemas.ts';

const Credentials = Type.Object(
  { email: Type.String({ minLength: 3, maxLength: 254 }), password: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
const SessionAnswer = Type.Object({ token: Type.String(), user: User });

// A wrong password costs the same time as a right one for an unknown e-mail too.
const DUMMY_HASH = hashPassword('not-a-real-password');

export default async function sessionRoutes(app: FastifyInstance) {
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: app.config.production };

  async function openSession(reply: FastifyReply, account: Omit<AuthUser, 'roles'>) {
    const token = await app.sessions.open(account);
    const roles = account.kind === 'agent' ? await app.directory.rolesOf(account.id) : [];
    const delegations =
      account.kind === 'agent' && roles.length === 0 ? await app.directory.delegationsOf(account.id) : undefined;
    reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions, maxAge: app.config.sessionHours * 3600 });
    return { token, user: { ...account, roles, ...(delegations ? { delegations } : {}) } };
  }

  app.post(
    '/session',
    {
      schema: {
        tags: ['session'],
        summary: 'Se connecter',
        body: Credentials,
        response: { 200: SessionAnswer, 400: Problem, 401: Problem },
      },
    },
    async (req, reply) => {
      const { email, password } = req.body as { email: string; password: string };
      const account = await app.directory.findAccountByEmail(email.trim().toLowerCase());
      const ok = await verifyPassword(password, account?.passwordHash ?? (await DUMMY_HASH));
      if (!account || !account.passwordHash || !ok || !account.active) {
        throw new HttpProblem(401, 'Identifiants incorrects', 'Adresse e-mail ou mot de passe incorrect.');
      }
      const { id, kind, name, tenant } = account;
      return openSession(reply, { id, kind, email: account.email, name, tenant });
    },
  );

  app.get(
    '/session',
    {
      schema: {
        tags: ['session'],
        summary: 'Session en cours',
        response: { 200: Type.Object({ user: User }), 401: Problem },
      },
    },
    async (req) => ({ user: requireUser(req) }),
  );

  app.delete('/session', { schema: { tags: ['session'], summary: 'Se déconnecter' } }, async (req, reply) => {
    const header = req.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7) : req.cookies[SESSION_COOKIE];
    if (token) await app.sessions.close(token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  app.post(
    '/accounts',
    {
      schema: {
        tags: ['session'],
        summary: 'Créer un compte usager',
        body: Type.Object(
          {
            email: Type.String({ format: 'email', maxLength: 254 }),
            password: Type.String({ minLength: 10, maxLength: 200 }),
            profile: Profile,
          },
          { additionalProperties: false },
        ),
        response: { 201: SessionAnswer, 400: Problem, 409: Problem },
      },
    },
    async (req, reply) => {
      const body = req.body as { email: string; password: string; profile: DomainProfile };
      const email = body.email.trim().toLowerCase();
      const tenant = app.config.tenant;
      if (await app.directory.findAccountByEmail(email)) throw emailTaken();
      // The id derives from the address: two simultaneous sign-ups race on one stream and one loses.
      const citizenId = uuidFrom('citizen', tenant, email);
      const profile = { ...body.profile, email };
      try {
        await runCommand(app, {
          streamId: citizenStreamId(citizenId),
          decider: citizenDecider,
          command: {
            type: 'RegisterCitizen',
            data: { citizenId, email, passwordHash: await hashPassword(body.password), profile },
          },
          meta: commandMeta(req, tenant),
          expectedVersion: 0,
        });
      } catch (err) {
        throw err instanceof ConcurrencyError ? emailTaken() : err;
      }
      const answer = await openSession(reply, {
        id: citizenId,
        kind: 'citizen',
        email,
        name: `${profile.firstName} ${profile.lastName}`,
        tenant,
      });
      return reply.code(201).send(answer);
    },
  );
}

const emailTaken = () =>
  conflict('Un compte existe déjà avec cette adresse e-mail. Connectez-vous ou réinitialisez votre mot de passe.', {
    errors: [{ field: 'email', message: 'Un compte existe déjà avec cette adresse e-mail.' }],
  });
