/** Helpers to answer the API client's fetch calls in tests. */
import type { Account, ProblemDetails, Session } from '@/types/api';

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

export function problemResponse(problem: ProblemDetails, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });
}

export function testAccount(overrides: Partial<Account> = {}): Account {
  return {
    id: '01937b2e-0000-7000-8000-000000000001',
    email: 'ada@example.com',
    display_name: 'Ada',
    roles: ['customer'],
    created_at: Date.UTC(2026, 0, 15),
    ...overrides,
  };
}

export function testSession(token = 'token-1', account = testAccount()): Session {
  return { access_token: token, token_type: 'Bearer', expires_in: 900, account };
}

/** A promise with its resolve exposed, to hold a response until the test lets it go. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

export interface FakeRequest {
  method: string;
  /** Path under /api/v1, with its query string. */
  path: string;
  /** The JSON body, parsed. */
  body: unknown;
  headers: Headers;
}

export type FakeRoute = (request: FakeRequest) => Response | Promise<Response>;

/**
 * A fetch that answers API calls by `"METHOD /path"` (path under /api/v1, e.g.
 * `"GET /templates/t1"`), and records every request. An unknown route is a 404 problem.
 */
export function fakeApi(routes: Record<string, FakeRoute>) {
  const requests: FakeRequest[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const path = url.replace(/^.*?\/api\/v1/, '');
    const method = init?.method ?? 'GET';
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    const request = { method, path, body, headers: new Headers(init?.headers) };
    requests.push(request);
    const route = routes[`${method} ${path}`];
    if (!route) {
      return problemResponse({
        type: 'about:blank',
        title: 'Not found',
        status: 404,
        code: 'not_found',
        detail: `no fake route for ${method} ${path}`,
      });
    }
    return route(request);
  };
  return { fetch, requests };
}
