import type { Profile, Role, ServiceRole } from '@guichet/domain';
import type { Queryable } from '@guichet/eventstore';
import { fold } from '../accounts/projection.ts';
import { inFrenchOrder, iso, likeLiteral, Where } from '../sql.ts';

export interface Account {
  id: string;
  kind: 'citizen' | 'agent';
  tenant: string;
  /** Login (lower-case); null for a contact recorded without an account. */
  email: string | null;
  name: string;
  profile: Profile | null;
  active: boolean;
  roles: ServiceRole[];
  createdAt: string;
}

/** Only for the session route: the hash never leaves the API. */
export interface AccountWithSecret extends Account {
  passwordHash: string | null;
}

export interface Service {
  id: string;
  tenant: string;
  name: string;
}

interface Row {
  id: string;
  kind: 'citizen' | 'agent';
  tenant: string;
  email: string | null;
  password_hash: string | null;
  name: string;
  profile: Profile | null;
  active: boolean;
  created_at: Date | string;
  roles: ServiceRole[] | null;
}

const SELECT = `select a.*, (select json_agg(json_build_object('serviceId', r.service_id, 'role', r.role) order by r.service_id, r.role)
                    from rm_agent_roles r where r.agent_id = a.id) as roles
                  from rm_accounts a`;

const toAccount = (r: Row): Account => ({
  id: r.id,
  kind: r.kind,
  tenant: r.tenant,
  email: r.email,
  name: r.name,
  profile: r.profile,
  active: r.active,
  roles: r.roles ?? [],
  createdAt: iso(r.created_at) as string,
});

/** Login: the email is compared lower-case. */
export async function findAccountByEmail(db: Queryable, email: string): Promise<AccountWithSecret | null> {
  const { rows } = await db.query<Row>(`${SELECT} where a.email = $1`, [email.trim().toLowerCase()]);
  const r = rows[0];
  return r ? { ...toAccount(r), passwordHash: r.password_hash } : null;
}

export async function getAccount(db: Queryable, id: string): Promise<Account | null> {
  const { rows } = await db.query<Row>(`${SELECT} where a.id = $1`, [id]);
  return rows[0] ? toAccount(rows[0]) : null;
}

export async function listServices(db: Queryable, options: { tenant?: string } = {}): Promise<Service[]> {
  const where = new Where();
  if (options.tenant) where.add('tenant = ?', options.tenant);
  const { rows } = await db.query<Service>(`select id, tenant, name from rm_services ${where}`, where.params);
  return inFrenchOrder(
    rows,
    (s) => s.name,
    (s) => s.id,
  );
}

/** Active agents of a service (for "assign to"), optionally with a given role. */
export async function listAgents(db: Queryable, options: { serviceId?: string; role?: Role } = {}): Promise<Account[]> {
  const where = new Where().add("a.kind = 'agent'").add('a.active');
  if (options.serviceId || options.role) {
    const parts = ['r.agent_id = a.id'];
    if (options.serviceId) parts.push(`r.service_id = ${where.param(options.serviceId)}`);
    if (options.role) parts.push(`r.role = ${where.param(options.role)}`);
    where.add(`exists (select 1 from rm_agent_roles r where ${parts.join(' and ')})`);
  }
  const { rows } = await db.query<Row>(`${SELECT} ${where}`, where.params);
  return inFrenchOrder(
    rows.map(toAccount),
    (a) => a.name,
    (a) => a.id,
  );
}

/** Agents recording a request on someone's behalf: every word must appear in the name, emails, phone or city (accents ignored). */
export async function findCitizens(
  db: Queryable,
  text: string,
  options: { tenant?: string; limit?: number } = {},
): Promise<Account[]> {
  const words = fold(text).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const where = new Where().add("a.kind = 'citizen'");
  if (options.tenant) where.add('a.tenant = ?', options.tenant);
  for (const word of words) where.add(`a.search_text like '%' || ? || '%'`, likeLiteral(word));
  const limit = Math.min(Math.max(options.limit ?? 20, 1), 100);
  const { rows } = await db.query<Row>(`${SELECT} ${where} order by a.id limit ${where.param(limit)}`, where.params);
  return inFrenchOrder(
    rows.map(toAccount),
    (a) => a.name,
    (a) => a.id,
  );
}
