import { Type, type TSchema } from '@sinclair/typebox';

export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
  },
  { $id: 'Problem', additionalProperties: true },
);

export const Address = Type.Object(
  {
    street: Type.String({ minLength: 1, maxLength: 200 }),
    postalCode: Type.String({ pattern: '^[0-9]{4,5}$' }),
    city: Type.String({ minLength: 1, maxLength: 100 }),
  },
  { additionalProperties: false },
);

export const Profile = Type.Object(
  {
    firstName: Type.String({ minLength: 1, maxLength: 100 }),
    lastName: Type.String({ minLength: 1, maxLength: 100 }),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
    phone: Type.Optional(Type.String({ maxLength: 30, pattern: '^[0-9 +().-]*$' })),
    address: Type.Optional(Address),
  },
  { additionalProperties: false },
);

export const ServiceRole = Type.Object({ serviceId: Type.String(), role: Type.String() });

export const User = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('citizen'), Type.Literal('agent')]),
  email: Type.String(),
  name: Type.String(),
  tenant: Type.String(),
  roles: Type.Array(ServiceRole),
  /** Third parties only: the procedure categories delegated to them. */
  delegations: Type.Optional(Type.Array(Type.String())),
});

export const Uuid = Type.String({ format: 'uuid' });
export const IdParams = Type.Object({ id: Uuid });
export const VersionAnswer = Type.Object({ version: Type.Integer() });
export const Items = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item) });

/** Error answers every route may give; listed so OpenAPI shows them. */
export const errorResponses = {
  400: Problem,
  401: Problem,
  403: Problem,
  404: Problem,
  409: Problem,
} as const;

/** Free objects (form data, event data) pass through as they are. */
export const AnyObject = Type.Object({}, { additionalProperties: true });
