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
