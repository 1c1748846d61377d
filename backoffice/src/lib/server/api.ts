import { env } from '$env/dynamic/private';
import type { Change, FieldError } from '$lib/types';

/** A refusal from the API (problem+json), kept whole so actions can show it in French. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors: FieldError[] = [],
    readonly body: Record<string, unknown> = {},
  ) {
    super(detail || title);
  }

  /** The changes another person made meanwhile, when this is a version conflict. */
  get conflict(): { currentVersion: number; changes: Change[] } | null {
    if (this.status !== 409 || !Array.isArray(this.body.changes)) return null;
    return { currentVersion: Number(this.body.currentVersion), changes: this.body.changes as Change[] };
  }
}

export interface CallOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** JSON body; or raw bytes with `contentType`. */
  body?: unknown;
  raw?: BodyInit;
  contentType?: string;
  ifMatch?: number;
  idempotencyKey?: string;
  /** Channel a contact came by (phone, letter…), recorded with the event. */
  channel?: string;
  query?: Record<string, string | number | boolean | undefined | null>;
  signal?: AbortSignal;
}

export const apiBase = () => (env.GUICHET_API_URL || 'http://127.0.0.1:8080').replace(/\/$/, '');

export function apiUrl(path: string, query?: CallOptions['query']): string {
  const url = new URL(`${apiBase()}/api/v1${path}`);
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, String(v));
  }
  return url.toString();
}

/** The raw answer, for proxies (files, Server-Sent Events). */
export function apiFetch(token: string | null, path: string, opts: CallOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (opts.ifMatch !== undefined) headers['if-match'] = `"${opts.ifMatch}"`;
  if (opts.idempotencyKey) headers['idempotency-key'] = opts.idempotencyKey;
  if (opts.channel) headers['x-channel'] = opts.channel;
  let body: BodyInit | undefined;
  if (opts.raw !== undefined) {
    body = opts.raw;
    headers['content-type'] = opts.contentType ?? 'application/octet-stream';
  } else if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['content-type'] = 'application/json';
  }
  return fetch(apiUrl(path, opts.query), {
    method: opts.method ?? (body ? 'POST' : 'GET'),
    headers,
    body,
    signal: opts.signal,
  });
}

async function problemOf(res: Response): Promise<ApiError> {
  let body: Record<string, unknown> = {};
  try {
    body = (await res.json()) as Record<string, unknown>;
  } catch {
    // Not JSON: a proxy or a crash; the status says enough.
  }
  const title = typeof body.title === 'string' ? body.title : 'Erreur';
  const detail =
    typeof body.detail === 'string'
      ? body.detail
      : res.status >= 500
        ? 'Le service est momentanément indisponible. Réessayez dans un instant.'
        : title;
  const errors = Array.isArray(body.errors) ? (body.errors as FieldError[]) : [];
  return new ApiError(res.status, title, detail, errors, body);
}

/** Calls the API and reads its JSON answer; any refusal becomes an ApiError. */
export async function api<T>(token: string | null, path: string, opts: CallOptions = {}): Promise<T> {
  let res: Response;
  try {
    res = await apiFetch(token, path, opts);
  } catch {
    throw new ApiError(
      503,
      'Service indisponible',
      'Le service est momentanément indisponible. Réessayez dans un instant.',
    );
  }
  if (!res.ok) throw await problemOf(res);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** The same call, with the version the API answered in its ETag (for If-Match later). */
export async function apiWithVersion<T>(token: string | null, path: string): Promise<{ body: T; etag: number | null }> {
  const res = await apiFetch(token, path).catch(() => {
    throw new ApiError(
      503,
      'Service indisponible',
      'Le service est momentanément indisponible. Réessayez dans un instant.',
    );
  });
  if (!res.ok) throw await problemOf(res);
  const tag = /(\d+)/.exec(res.headers.get('etag') ?? '');
  return { body: (await res.json()) as T, etag: tag ? Number(tag[1]) : null };
}
