/** Channels a request or a contact can come by. */
export const CHANNELS = ['web', 'phone', 'email', 'letter', 'counter'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Roles an agent holds per service. */
export const ROLES = ['agent', 'manager', 'designer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface ServiceRole {
  serviceId: string;
  role: Role;
}

export type Actor =
  | { kind: 'citizen'; id: string }
  /**
   * Staff of the town hold `roles`; a third party (an association, an elected official) holds no
   * role but `delegations`: the procedure categories (themes) they may draft, under moderation.
   */
  | { kind: 'agent'; id: string; roles: ServiceRole[]; delegations?: string[] | undefined }
  /**
   * Someone without an account. For follow-up of an anonymous case the API checks the tracking
   * code and passes its SHA-256 here; the case decider compares it with the case's hash.
   */
  | { kind: 'anonymous'; trackingCodeHash?: string | undefined }
  | { kind: 'system' };

/** Everything a decider needs from the outside world comes in here: it never reads a clock or makes an id. */
export interface CommandMeta {
  commandId: string;
  actor: Actor;
  tenant: string;
  channel: Channel;
  /** ISO-8601 instant the command was accepted. */
  now: string;
}

/** A domain event as deciders produce it; the event store adds metadata. */
export interface DomainEvent<T extends string = string, D = Record<string, unknown>> {
  type: T;
  data: D;
}

export interface FieldError {
  /** Path of the field at fault, e.g. `data.birthDate` or `score`. */
  field: string;
  /** French message, shown to users as is. */
  message: string;
}

export class DomainError extends Error {}
/** Input that breaks a rule; carries the fields at fault. */
export class ValidationError extends DomainError {
  override readonly name = 'ValidationError';
  constructor(readonly errors: FieldError[]) {
    super(errors.map((e) => `${e.field}: ${e.message}`).join('; '));
  }
}
/** The actor may not do this. */
export class ForbiddenError extends DomainError {
  override readonly name = 'ForbiddenError';
}
/** The thing does not exist (or the actor may not know it exists). */
export class NotFoundError extends DomainError {
  override readonly name = 'NotFoundError';
}
/** The command does not apply to the current state (closed case, retired procedure…). */
export class IllegalStateError extends DomainError {
  override readonly name = 'IllegalStateError';
}

export function assertNever(x: never): never {
  throw new Error(`unexpected: ${JSON.stringify(x)}`);
}

export interface PostalAddress {
  street: string;
  postalCode: string;
  city: string;
}

/** What a resident tells the town once and finds prefilled everywhere. */
export interface Profile {
  firstName: string;
  lastName: string;
  email?: string | undefined;
  phone?: string | undefined;
  address?: PostalAddress | undefined;
}
