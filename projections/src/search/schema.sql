-- rm_case_search: one full-text document per case, for agents (notes included: citizens have no search).
-- Filters and the columns a result list shows come from rm_cases, joined at query time.
create table if not exists rm_case_search (
  case_id text primary key,
  stream_version int not null,
  reference text not null,
  procedure_title text,
  contact_text text not null,
  data_text text not null,
  conversation_text text not null,
  notes_text text not null,
  document tsvector generated always as (
    setweight(to_tsvector('french'::regconfig, reference || ' ' || contact_text), 'A') ||
    setweight(to_tsvector('french'::regconfig, coalesce(procedure_title, '') || ' ' || data_text), 'B') ||
    setweight(to_tsvector('french'::regconfig, conversation_text || ' ' || notes_text), 'C')
  ) stored
);
create index if not exists rm_case_search_document on rm_case_search using gin (document);
