/**
 * The vocabulary of the authorisation matrix: a row per route, the exact status each principal gets. Columns, in order:
 * anonymous, citizen A (the case's owner), citizen B, agent of the case's service, agent of another
 * service, manager, administrator, delegate (a third party drafting the road category, under moderation). A stranger to a case gets 404, never 403 (docs/api.md).
 */
import type { MatrixContext, Principal, Stage } from './matrix-context.ts';

export type Expect = Record<Principal, number>;
export const e = (
  anonymous: number,
  citizenA: number,
  citizenB: number,
  agentOfService: number,
  agentOfOther: number,
  manager: number,
  admin: number,
  delegate: number,
): Expect => ({
  anonymous,
  citizenA,
  citizenB,
  agentOfService,
  agentOfOther,
  manager,
  admin,
  delegate,
});

export interface Req {
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Row {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** As the OpenAPI document writes it. */
  path: string;
  expect: Expect;
  /** Server-Sent Events: asked over real HTTP, only the status is read. */
  sse?: boolean;
  /** `allowed`: the cell is expected to succeed, so it gets resources of its own. */
  request(p: Principal, c: MatrixContext, allowed: boolean): Promise<Req> | Req;
}

export const PUBLIC = e(200, 200, 200, 200, 200, 200, 200, 200);
export const LOGGED_IN = e(401, 200, 200, 200, 200, 200, 200, 200);
export const CASE_READ = e(401, 200, 404, 200, 404, 200, 200, 404);
export const CITIZEN = e(401, 200, 200, 403, 403, 403, 403, 403);
export const STAFF = e(401, 403, 403, 200, 200, 200, 200, 403);
/** Figures of service quality: managers and administrators of a service. */
export const MANAGERS = e(401, 403, 403, 403, 403, 200, 200, 403);
export const ADMIN = e(401, 403, 403, 403, 403, 403, 200, 403);
export const ADMIN_CREATE = e(401, 403, 403, 403, 403, 403, 201, 403);
export const AGENT_ACTION = e(401, 403, 404, 200, 404, 200, 200, 404);
export const EITHER_SIDE = e(401, 200, 404, 200, 404, 200, 200, 404);
/** Procedure design: designers and administrators, and the delegate for a procedure of their category. */
export const DESIGN = e(401, 403, 403, 403, 403, 403, 200, 200);
export const DESIGN_CREATE = e(401, 403, 403, 403, 403, 403, 201, 201);
/** Submitting for moderation: delegates only (designers publish directly). */
export const DELEGATE_ONLY = e(401, 403, 403, 403, 403, 403, 403, 200);
export const OWNER_ACTION = e(401, 200, 404, 403, 404, 403, 403, 404);

export const get = (path: string, expect: Expect, url: (c: MatrixContext) => string, sse = false): Row => ({
  method: 'GET',
  path,
  expect,
  sse,
  request: (_p, c) => ({ url: url(c) }),
});

export function action(
  name: string,
  stage: Stage,
  expect: Expect,
  body: (p: Principal, c: MatrixContext) => unknown | Promise<unknown>,
): Row {
  return {
    method: 'POST',
    path: `/api/v1/cases/{id}/${name}`,
    expect,
    async request(p, c, allowed) {
      const id = allowed ? await c.freshCase(stage) : await c.sharedCase(stage);
      return { url: `/api/v1/cases/${id}/${name}`, body: await body(p, c) };
    },
  };
}
