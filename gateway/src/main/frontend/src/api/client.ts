/**
 * Every call to the API: same origin, JSON, the bearer token, problem+json turned into ApiError. A 401 is answered
 * once by the gateway's refresh path (POST /auth/refresh) when there is a refresh token; if that fails too, the
 * session is over and the page goes back to the sign-in form.
 */
import { ApiError, type Problem } from './problem';
import { type StoredSession, type TokenAnswer, saveSession, sessionFrom } from '../auth/session';

export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** the Idempotency-Key of a creating POST (API.md) */
  idempotencyKey?: string;
  /** what to read from a successful answer */
  accept?: 'json' | 'text';
}

export class ApiClient {
  private session: StoredSession | null = null;
  private refreshing: Promise<boolean> | null = null;

  constructor(private readonly onSessionEnded: () => void, private readonly fetchImpl: typeof fetch = fetch.bind(globalThis)) {}

  get current(): StoredSession | null {
    return this.session;
  }

  use(session: StoredSession | null): void {
    this.session = session;
    saveSession(session);
  }

  async signIn(username: string, password: string): Promise<StoredSession> {
    const answer = await this.send<TokenAnswer>('POST', '/auth/token', { body: { username, password } }, false);
    const session = sessionFrom(answer);
    this.use(session);
    return session;
  }

  async signOut(): Promise<void> {
    const refreshToken = this.session?.refreshToken;
    this.use(null);
    if (refreshToken) {
      try {
        await this.send('POST', '/auth/logout', { body: { refreshToken } }, false);
      } catch {
        // the session is gone from this page either way
      }
    }
  }

  /** Bearer header for the current token (used by the event stream, which does its own fetch). */
  async authHeaders(): Promise<Record<string, string>> {
    return this.session ? { Authorization: `Bearer ${this.session.accessToken}` } : {};
  }

  /** Gets a new access token with the refresh token; false (and the session ends) when that is not possible. */
  refresh(): Promise<boolean> {
    if (!this.refreshing) {
      this.refreshing = this.doRefresh().finally(() => {
        this.refreshing = null;
      });
    }
    return this.refreshing;
  }

  private async doRefresh(): Promise<boolean> {
    const refreshToken = this.session?.refreshToken;
    if (!refreshToken) {
      this.endSession();
      return false;
    }
    try {
      const answer = await this.send<TokenAnswer>('POST', '/auth/refresh', { body: { refreshToken } }, false);
      this.use(sessionFrom({ refreshToken, ...answer }));
      return true;
    } catch {
      this.endSession();
      return false;
    }
  }

  private endSession(): void {
    if (this.session) {
      this.use(null);
      this.onSessionEnded();
    }
  }

  get<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return this.send<T>('GET', path, options, true);
  }

  post<T>(path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
    return this.send<T>('POST', path, { ...options, body }, true);
  }

  put<T>(path: string, body: unknown, options: RequestOptions = {}): Promise<T> {
    return this.send<T>('PUT', path, { ...options, body }, true);
  }

  /** The call with the token, once more after a refresh on a 401; a refusal becomes an ApiError. */
  private async exchange(method: string, path: string, options: RequestOptions, authenticated: boolean): Promise<Response> {
    const attempt = async (): Promise<Response> => {
      const headers: Record<string, string> = {
        Accept: options.accept === 'text' ? 'text/csv, text/plain, application/problem+json' : 'application/json, application/problem+json',
        ...(options.headers ?? {}),
      };
      if (options.body !== undefined) {
        headers['Content-Type'] = 'application/json';
      }
      if (options.idempotencyKey) {
        headers['Idempotency-Key'] = options.idempotencyKey;
      }
      if (authenticated && this.session) {
        headers.Authorization = `Bearer ${this.session.accessToken}`;
      }
      try {
        return await this.fetchImpl(path, {
          method,
          headers,
          body: options.body === undefined ? undefined : JSON.stringify(options.body),
          cache: 'no-store',
        });
      } catch {
        throw new ApiError({ status: 0, title: 'Network error' });
      }
    };
    let response = await attempt();
    if (response.status === 401 && authenticated && this.session) {
      if (await this.refresh()) {
        response = await attempt();
      }
    }
    if (!response.ok) {
      throw await problemOf(response);
    }
    return response;
  }

  /**
   * A file of the API (CSV, XML, PDF) with the bearer token — a plain link could not send it — after the same
   * refresh and problem handling as every other call; the caller reads the body.
   */
  file(path: string, accept = '*/*'): Promise<Response> {
    return this.exchange('GET', path, { headers: { Accept: accept } }, true);
  }

  private async send<T>(method: string, path: string, options: RequestOptions, authenticated: boolean): Promise<T> {
    const response = await this.exchange(method, path, options, authenticated);
    if (response.status === 204) {
      return undefined as T;
    }
    if (options.accept === 'text') {
      return (await response.text()) as T;
    }
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

async function problemOf(response: Response): Promise<ApiError> {
  let problem: Problem = { status: response.status, title: response.statusText };
  try {
    const text = await response.text();
    if (text) {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === 'object') {
        problem = { status: response.status, ...(parsed as Problem) };
      }
    }
  } catch {
    // not JSON: the status alone says what happened
  }
  const retryAfter = response.headers.get('Retry-After');
  const seconds = retryAfter && /^\d+$/.test(retryAfter) ? Number(retryAfter) : null;
  return new ApiError(problem, seconds);
}

/** A fresh Idempotency-Key, reused only when the very same body is sent again after a failure nobody answered. */
export class IdempotentSubmission {
  private lastBody: string | null = null;
  private key: string | null = null;

  keyFor(body: unknown): string {
    const serialized = JSON.stringify(body);
    if (serialized !== this.lastBody || !this.key) {
      this.key = newId();
      this.lastBody = serialized;
    }
    return this.key;
  }

  /** After an answer (success or refusal) the next submission is a new one. */
  settled(): void {
    this.lastBody = null;
    this.key = null;
  }
}

export function newId(): string {
  // randomUUID exists only in secure contexts (https, localhost); getRandomValues everywhere
  if (typeof crypto.randomUUID === 'function') {
    return crypto.randomUUID();
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
