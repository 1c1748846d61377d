-- What a resident sees of each organisation on its portal, and an agent in the back office header.
create table if not exists rm_tenant_portals (
  id text primary key,
  name text not null,
  tagline text,
  primary_colour text,
  accent_colour text,
  -- DocumentRef of the logo in the blob store ({ documentId, fileName, mediaType, size, sha256 }), or null.
  logo jsonb,
  created_at timestamptz not null,
  updated_at timestamptz not null
);
