import { env } from '$env/dynamic/private';
import type { FieldErrors } from '$lib/types';
import { errorsFromProblem } from '$lib/form/procedure-form';

/**
 * The one way the portal talks to Guichet: HTTP calls to API v1 with the resident's bearer token.
 * A refusal becomes an ApiError carrying the API's French messages, ready to show next to the fields.
 */

export interface Problem {
  status: number;
  title: string;
  detail?: string;
  errors?: { field: string; message: string }[];
}

export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly errors: { field: string; message: string }[];

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.status = problem.status;
    this.title = problem.title;
    this.detail = problem.detail ?? problem.title;
    this.errors = problem.errors ?? [];
  }

  /** Field messages keyed by form path, after removing the body prefix (`data.`, `profile.`…). */
  fieldErrors(prefix = ''): FieldErrors {
    return errorsFromProblem(this.errors, prefix);
  }
}

export function apiBaseUrl(): string {
  // Read at call time: the test server chooses its port after this module is loaded.
  return (process.env.GUICHET_API_URL || env.GUICHET_API_URL || 'http://127.0.0.1:8080').replace(/\/$/, '');
}

export interface ApiOptions {
  token?: string | null;
  /** Ties an anonymous resident's uploads to their later submission (x-upload-key). */
  uploadKey?: string | null;
}

async function problemOf(res: Response): Promise<Problem> {
  const text = await res.text().catch(() => '');
  try {
    const body = JSON.parse(text) as Partial<Problem>;
    return { status: res.status, title: body.title ?? res.statusText, detail: body.detail, errors: body.errors };
  } catch {
    return {
      status: res.status,
      title: res.statusText || 'Erreur',
      detail: 'Le service est momentanément indisponible. Réessayez dans quelques instants.',
    };
  }
}

export function createApi(options: ApiOptions = {}) {
  const headers = (extra: Record<string, string> = {}) => ({
    accept: 'application/json',
    ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    ...(options.uploadKey ? { 'x-upload-key': options.uploadKey } : {}),
    ...extra,
  });

  /** The raw response (streams and downloads); errors are not thrown. */
  async function raw(
    path: string,
    init: RequestInit & { extraHeaders?: Record<string, string> } = {},
  ): Promise<Response> {
    const { extraHeaders, ...rest } = init;
    return fetch(`${apiBaseUrl()}/api/v1${path}`, { ...rest, headers: headers(extraHeaders) });
  }

  async function call<T>(method: string, path: string, body?: unknown, extra: Record<string, string> = {}): Promise<T> {
    let res: Response;
    try {
      res = await raw(path, {
        method,
        ...(body === undefined
          ? { extraHeaders: extra }
          : { body: JSON.stringify(body), extraHeaders: { 'content-type': 'application/json', ...extra } }),
      });
    } catch {
      throw new ApiError({
        status: 503,
        title: 'Service indisponible',
        detail: 'Le service est momentanément indisponible. Réessayez dans quelques instants.',
      });
    }
    if (!res.ok) throw new ApiError(await problemOf(res));
    if (res.status === 204) return undefined as T;
    return (await res.json()) as T;
  }

  return {
    raw,
    get: <T>(path: string) => call<T>('GET', path),
    /** `idempotencyKey`: the same key twice records the command once (a double click sends one request). */
    post: <T>(path: string, body: unknown = {}, idempotencyKey?: string) =>
      call<T>('POST', path, body, idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
    put: <T>(path: string, body: unknown) => call<T>('PUT', path, body),
    del: <T = void>(path: string) => call<T>('DELETE', path),
    /** POST /documents with the file's bytes; the answer is the DocumentRef to attach. */
    async upload<T>(file: File): Promise<T> {
      const res = await raw(`/documents?fileName=${encodeURIComponent(file.name || 'document')}`, {
        method: 'POST',
        body: Buffer.from(await file.arrayBuffer()),
        extraHeaders: { 'content-type': file.type || 'application/octet-stream' },
      });
      if (!res.ok) throw new ApiError(await problemOf(res));
      return (await res.json()) as T;
    },
  };
}

export type Api = ReturnType<typeof createApi>;

/** `null` for a 404 (unknown or not yours: the API does not say which). */
export async function orNull<T>(promise: Promise<T>): Promise<T | null> {
  try {
    return await promise;
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return null;
    throw err;
  }
}
