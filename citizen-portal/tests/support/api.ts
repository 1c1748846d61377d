/** Plays the other side of the counter: an agent (or a fresh resident) acting through API v1. */
export function apiClient(baseUrl: string, token?: string) {
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
  return {
    get: <T>(path: string) => call<T>('GET', path),
    post: <T>(path: string, body: unknown = {}) => call<T>('POST', path, body),
  };
}

let counter = 0;
/** A new resident with an account, signed up through the API; returns their bearer token. */
export async function signUpResident(
  baseUrl: string,
  firstName = 'Camille',
): Promise<{ token: string; email: string }> {
  const ascii = firstName
    .normalize('NFD')
    .replace(/[^a-zA-Z]/g, '')
    .toLowerCase();
  const email = `${ascii}.${Date.now()}.${counter++}@exemple.fr`;
  const { token } = await apiClient(baseUrl).post<{ token: string }>('/accounts', {
    email,
    password: 'mot-de-passe-solide',
    profile: {
      firstName,
      lastName: 'Durand',
      phone: '06 12 34 56 78',
      address: { street: '3 rue des Lilas', postalCode: '75012', city: 'Paris' },
    },
  });
  return { token, email };
}
