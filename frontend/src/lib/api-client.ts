/**
 * The single client of the cocreate JSON API (/api/v1). It owns the credentials (the
 * in-memory access token and its refresh) and turns every failure into an {@link ApiError}.
 */
import type { ProblemDetails, ProblemFieldError, Session } from '@/types/api';
import { SessionStore } from './session-store';

export const API_BASE_URL = '/api/v1';

/** A failed API call: the server's problem+json, or a network failure (`status` 0). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  /** Stable machine-readable code, e.g. `email_taken`, `validation_failed`, `network_error`. */
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly requestId: string | undefined;
  readonly fieldErrors: readonly ProblemFieldError[];
  /** From the `Retry-After` header of a 429, in whole seconds. */
  readonly retryAfterSeconds: number | undefined;

  constructor(init: {
    status: number;
    code: string;
    title: string;
    detail?: string | undefined;
    requestId?: string | undefined;
    fieldErrors?: readonly ProblemFieldError[] | undefined;
    retryAfterSeconds?: number | undefined;
    cause?: unknown;
  }) {
    super(init.detail ?? init.title, { cause: init.cause });
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.requestId = init.requestId;
    this.fieldErrors = init.fieldErrors ?? [];
    this.retryAfterSeconds = init.retryAfterSeconds;
  }

  /** The server's message for one field, if it sent one. */
  fieldError(field: string): ProblemFieldError | undefined {
    return this.fieldErrors.find((error) => error.field === field);
  }

  static async fromResponse(response: Response): Promise<ApiError> {
    const retryAfterSeconds = parseRetryAfter(response.headers.get('Retry-After'));
    const problem = await readProblem(response);
    return new ApiError({
      status: response.status,
      code: problem?.code ?? `http_${response.status}`,
      title: problem?.title ?? (response.statusText || `HTTP ${response.status}`),
      detail: problem?.detail,
      requestId: problem?.requestId ?? response.headers.get('x-request-id') ?? undefined,
      fieldErrors: problem?.errors,
      retryAfterSeconds,
    });
  }

  static network(cause: unknown): ApiError {
    return new ApiError({
      status: 0,
      code: 'network_error',
      title: 'The server could not be reached',
      cause,
    });
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

interface ParsedProblem {
  code: string | undefined;
  title: string | undefined;
  detail: string | undefined;
  requestId: string | undefined;
  errors: ProblemFieldError[];
}

/** Read a problem+json body defensively: a proxy or a crash may send anything. */
async function readProblem(response: Response): Promise<ParsedProblem | null> {
  const contentType = response.headers.get('Content-Type') ?? '';
  if (!contentType.includes('json')) return null;
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return null;
  }
  if (typeof body !== 'object' || body === null) return null;
  const problem = body as Partial<Record<keyof ProblemDetails, unknown>>;
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const errors = Array.isArray(problem.errors)
    ? problem.errors.filter(
        (e: unknown): e is ProblemFieldError =>
          typeof e === 'object' &&
          e !== null &&
          typeof (e as ProblemFieldError).field === 'string' &&
          typeof (e as ProblemFieldError).message === 'string',
      )
    : [];
  return {
    code: text(problem.code),
    title: text(problem.title),
    detail: text(problem.detail),
    requestId: text(problem.request_id),
    errors,
  };
}

/** `Retry-After` is either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: HttpMethod;
  /** Sent as JSON. */
  body?: unknown;
  /** Send the access token; on a 401, refresh once and retry once. */
  auth?: boolean;
  signal?: AbortSignal | undefined;
}

export interface ApiClientOptions {
  baseUrl?: string;
  fetch?: typeof fetch;
  locks?: LockManager | undefined;
}

function browserLocks(): LockManager | undefined {
  return typeof navigator !== 'undefined' && 'locks' in navigator ? navigator.locks : undefined;
}

export class ApiClient {
  readonly session: SessionStore;
  private readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;

  constructor(options: ApiClientOptions = {}) {
    this.baseUrl = options.baseUrl ?? API_BASE_URL;
    // Called through a closure: a bare `window.fetch` reference throws "Illegal invocation".
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
    this.session = new SessionStore({
      fetchRefresh: () => this.fetchRefresh(),
      locks: 'locks' in options ? options.locks : browserLocks(),
    });
  }

  async request<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return this.authorized(options, (token) => this.send<T>(path, options, token));
  }

  /**
   * GET a file the server exports (a CSV), as a Blob: with the same credentials, refresh and
   * errors as a JSON call, which a plain link could not send.
   */
  async getBlob(
    path: string,
    options: Omit<RequestOptions, 'method' | 'body'> & { accept?: string } = {},
  ): Promise<Blob> {
    const { accept = '*/*', ...rest } = options;
    const request = { ...rest, method: 'GET' as const };
    return this.authorized(request, async (token) => {
      const response = await this.fetchOk(path, request, token, accept);
      return response.blob();
    });
  }

  /**
   * Run `call` with the access token when `options.auth`: a call made while the start-up
   * refresh is running waits for it, and a 401 is refreshed and retried once.
   */
  private async authorized<T>(
    options: RequestOptions,
    call: (token: string | null) => Promise<T>,
  ): Promise<T> {
    if (!options.auth) return call(null);

    // A call made while the start-up refresh is running waits for it instead of going out
    // without a token.
    if (this.session.getSnapshot().status === 'loading') await this.session.restore();
    const token = this.session.accessToken();
    if (!token) {
      throw new ApiError({ status: 401, code: 'unauthenticated', title: 'Sign in required' });
    }
    try {
      return await call(token);
    } catch (error) {
      // A 401 means the access token expired, unless the server is rejecting a password the
      // user typed (changing the password): refreshing would not change that answer.
      if (!(error instanceof ApiError) || error.status !== 401) throw error;
      if (error.code === 'invalid_credentials') throw error;
      // Another caller may already have refreshed while this request was out.
      const current = this.session.accessToken();
      const fresh =
        current && current !== token ? current : (await this.session.refresh())?.access_token;
      if (!fresh) throw error;
      return call(fresh);
    }
  }

  get<T>(path: string, options: Omit<RequestOptions, 'method' | 'body'> = {}): Promise<T> {
    return this.request<T>(path, { ...options, method: 'GET' });
  }

  post<T>(path: string, body?: unknown, options: Omit<RequestOptions, 'method' | 'body'> = {}) {
    return this.request<T>(path, { ...options, method: 'POST', body });
  }

  put<T>(path: string, body?: unknown, options: Omit<RequestOptions, 'method' | 'body'> = {}) {
    return this.request<T>(path, { ...options, method: 'PUT', body });
  }

  patch<T>(path: string, body?: unknown, options: Omit<RequestOptions, 'method' | 'body'> = {}) {
    return this.request<T>(path, { ...options, method: 'PATCH', body });
  }

  delete<T = undefined>(path: string, options: Omit<RequestOptions, 'method' | 'body'> = {}) {
    return this.request<T>(path, { ...options, method: 'DELETE' });
  }

  private async fetchRefresh(): Promise<Session | null> {
    try {
      return await this.send<Session>('/auth/refresh', { method: 'POST' }, null);
    } catch (error) {
      // 401 `unauthenticated`, `invalid_refresh_token`, `token_reused`: no session to restore.
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  }

  private async send<T>(path: string, options: RequestOptions, token: string | null): Promise<T> {
    const response = await this.fetchOk(path, options, token, 'application/json');
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** The response of a successful call; any other answer becomes an {@link ApiError}. */
  private async fetchOk(
    path: string,
    options: RequestOptions,
    token: string | null,
    accept: string,
  ): Promise<Response> {
    const headers: Record<string, string> = { Accept: accept };
    // The page's language (kept current by i18n) lets the server word its messages to match.
    const language = typeof document === 'undefined' ? '' : document.documentElement.lang;
    if (language) headers['Accept-Language'] = language;
    const init: RequestInit = {
      method: options.method ?? 'GET',
      credentials: 'same-origin',
      headers,
    };
    if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(options.body);
    }
    if (token) headers.Authorization = `Bearer ${token}`;
    if (options.signal) init.signal = options.signal;

    let response: Response;
    try {
      response = await this.fetchImpl(`${this.baseUrl}${path}`, init);
    } catch (cause) {
      // A cancelled query is not a failure to report.
      if (options.signal?.aborted) throw cause;
      throw ApiError.network(cause);
    }
    if (!response.ok) throw await ApiError.fromResponse(response);
    return response;
  }
}

export const apiClient = new ApiClient();
