import type { Db } from '@guichet/eventstore';

/**
 * The API's own tables. None of them is business history: sessions, replay protection,
 * unsent drafts and uploaded files not yet attached to a request.
 */
export async function migrateApi(db: Db): Promise<void> {
  await db.exec(`
    create table if not exists api_sessions (
      token_hash text primary key,
      account_id text not null,
      kind text not null,
      email text not null,
      name text not null,
      tenant text not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
    );
    create index if not exists api_sessions_account on api_sessions (account_id);
    create table if not exists api_idempotency (
      key text primary key,
      status int not null,
      response jsonb not null,
      created_at timestamptz not null default now()
    );
    create table if not exists api_uploads (
      document_id uuid primary key,
      owner text not null,
      file_name text not null,
      media_type text not null,
      size int not null,
      sha256 text not null,
      created_at timestamptz not null default now()
    );
    create table if not exists api_drafts (
      citizen_id text not null,
      procedure_id text not null,
      data jsonb not null,
      updated_at timestamptz not null default now(),
      primary key (citizen_id, procedure_id)
    );
  `);
}
