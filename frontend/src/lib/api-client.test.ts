import { describe, expect, it, vi } from 'vitest';
import { deferred, jsonResponse, problemResponse, testSession } from '@/testing/http';
import { ApiClient, ApiError, parseRetryAfter } from './api-client';

function clientWith(fetch: typeof globalThis.fetch, locks?: LockManager) {
  return new ApiClient({ fetch, locks });
}

describe('ApiClient errors', () => {
  it('turns a problem+json validation error into an ApiError with its field errors', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>().mockResolvedValue(
      problemResponse({
        type: 'https://cocreate.example/problems/validation_failed',
        title: 'Validation failed',
        status: 422,
        code: 'validation_failed',
        request_id: 'req-42',
        errors: [
          { field: 'password', code: 'too_short', message: 'must be at least 10 characters' },
          { field: 'email', code: 'invalid', message: 'is not an email address' },
        ],
      }),
    );
    const client = clientWith(fetch);

    const error = await client.post('/auth/register', { email: 'x' }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(422);
    expect(apiError.code).toBe('validation_failed');
    expect(apiError.title).toBe('Validation failed');
    expect(apiError.requestId).toBe('req-42');
    expect(apiError.fieldError('password')?.message).toBe('must be at least 10 characters');
    expect(apiError.fieldError('email')?.code).toBe('invalid');
    expect(apiError.fieldError('display_name')).toBeUndefined();
  });

  it('reads Retry-After on a 429 as seconds', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>().mockResolvedValue(
      problemResponse(
        {
          type: 'about:blank',
          title: 'Too many attempts',
          status: 429,
          code: 'too_many_attempts',
        },
        { 'Retry-After': '37' },
      ),
    );
    const error = (await clientWith(fetch)
      .post('/auth/login', {})
      .catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('too_many_attempts');
    expect(error.retryAfterSeconds).toBe(37);
    expect(
      parseRetryAfter(new Date(Date.UTC(2030, 0, 1, 0, 0, 30)).toUTCString(), Date.UTC(2030, 0, 1)),
    ).toBe(30);
  });

  it('reports an unreachable server as network_error, and a non-JSON failure by status', async () => {
    const down = clientWith(
      vi.fn<typeof globalThis.fetch>().mockRejectedValue(new TypeError('Failed to fetch')),
    );
    await expect(down.get('/me')).rejects.toMatchObject({ status: 0, code: 'network_error' });

    const proxy = clientWith(
      vi
        .fn<typeof globalThis.fetch>()
        .mockResolvedValue(new Response('<html>Bad gateway</html>', { status: 502 })),
    );
    await expect(proxy.get('/me')).rejects.toMatchObject({ status: 502, code: 'http_502' });
  });

  it('sends JSON bodies with the same-origin credentials the refresh cookie needs', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>().mockResolvedValue(jsonResponse(testSession()));
    await clientWith(fetch).post('/auth/login', { email: 'a@b.c', password: 'p' });
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe('/api/v1/auth/login');
    expect(init?.credentials).toBe('same-origin');
    expect(init?.method).toBe('POST');
    expect(new Headers(init?.headers).get('Content-Type')).toBe('application/json');
    expect(init?.body).toBe(JSON.stringify({ email: 'a@b.c', password: 'p' }));
  });
});

describe('ApiClient session refresh', () => {
  it('shares one refresh between concurrent callers', async () => {
    const held = deferred<Response>();
    const fetch = vi.fn<typeof globalThis.fetch>().mockReturnValue(held.promise);
    const client = clientWith(fetch);

    const first = client.session.refresh();
    const second = client.session.refresh();
    const restore = client.session.restore();
    held.resolve(jsonResponse(testSession('fresh')));

    const [a, b] = await Promise.all([first, second, restore]);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(a?.access_token).toBe('fresh');
    expect(b).toBe(a);
    expect(client.session.getSnapshot().status).toBe('signedIn');
  });

  it('restores only once however often start-up asks (StrictMode runs effects twice)', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>().mockResolvedValue(jsonResponse(testSession()));
    const client = clientWith(fetch);
    await client.session.restore();
    await client.session.restore();
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('takes the cross-tab Web Lock around the refresh', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>().mockResolvedValue(jsonResponse(testSession()));
    const request = vi.fn((_name: string, callback: () => unknown) => Promise.resolve(callback()));
    const client = clientWith(fetch, { request } as unknown as LockManager);
    await client.session.refresh();
    expect(request).toHaveBeenCalledTimes(1);
    expect(request.mock.calls[0]?.[0]).toBe('cocreate-refresh');
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('is signed out, not stuck loading, when there is no session to restore', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>().mockResolvedValue(
      problemResponse({
        type: 'about:blank',
        title: 'No session',
        status: 401,
        code: 'invalid_refresh_token',
      }),
    );
    const client = clientWith(fetch);
    await client.session.restore();
    expect(client.session.getSnapshot().status).toBe('signedOut');
  });

  it('is signed out, not stuck loading, when the server cannot be reached at start-up', async () => {
    const client = clientWith(
      vi.fn<typeof globalThis.fetch>().mockRejectedValue(new TypeError('offline')),
    );
    await client.session.restore();
    expect(client.session.getSnapshot().status).toBe('signedOut');
  });

  it('refreshes a minute before the access token expires', async () => {
    vi.useFakeTimers();
    try {
      const fetch = vi
        .fn<typeof globalThis.fetch>()
        .mockResolvedValue(jsonResponse(testSession('next')));
      const client = clientWith(fetch);
      client.session.setSession(testSession('first')); // expires_in: 900 s

      await vi.advanceTimersByTimeAsync(839_000);
      expect(fetch).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1_000);
      expect(fetch).toHaveBeenCalledTimes(1);
      expect(fetch.mock.calls[0]?.[0]).toBe('/api/v1/auth/refresh');
      expect(client.session.accessToken()).toBe('next');
      client.session.clear();
    } finally {
      vi.useRealTimers();
    }
  });

  it('refreshes once and retries once when an authenticated call gets a 401', async () => {
    const expired = problemResponse({
      type: 'about:blank',
      title: 'Expired',
      status: 401,
      code: 'unauthenticated',
    });
    const fetch = vi
      .fn<typeof globalThis.fetch>()
      .mockResolvedValueOnce(expired)
      .mockResolvedValueOnce(jsonResponse(testSession('fresh')))
      .mockResolvedValueOnce(jsonResponse({ ok: true }));
    const client = clientWith(fetch);
    client.session.setSession(testSession('stale'));

    await expect(client.get('/me', { auth: true })).resolves.toEqual({ ok: true });

    expect(fetch.mock.calls.map(([url]) => url)).toEqual([
      '/api/v1/me',
      '/api/v1/auth/refresh',
      '/api/v1/me',
    ]);
    expect(new Headers(fetch.mock.calls[0]?.[1]?.headers).get('Authorization')).toBe(
      'Bearer stale',
    );
    expect(new Headers(fetch.mock.calls[2]?.[1]?.headers).get('Authorization')).toBe(
      'Bearer fresh',
    );
  });

  it('does not refresh when the 401 is a wrong password', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>().mockResolvedValue(
      problemResponse({
        type: 'about:blank',
        title: 'Wrong password',
        status: 401,
        code: 'invalid_credentials',
      }),
    );
    const client = clientWith(fetch);
    client.session.setSession(testSession());
    await expect(client.post('/auth/password', {}, { auth: true })).rejects.toMatchObject({
      code: 'invalid_credentials',
    });
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});

describe('ApiClient files', () => {
  it('fetches an export as a Blob with the token, refreshing once on a 401', async () => {
    const fetch = vi
      .fn<typeof globalThis.fetch>()
      .mockResolvedValueOnce(
        problemResponse({ type: 'about:blank', title: 'Expired', status: 401, code: 'expired' }),
      )
      .mockResolvedValueOnce(jsonResponse(testSession('fresh')))
      .mockResolvedValueOnce(
        new Response('date,ratings\n2026-11-01,12\n', { headers: { 'Content-Type': 'text/csv' } }),
      );
    const client = clientWith(fetch);
    client.session.setSession(testSession('stale'));

    const blob = await client.getBlob('/brand/analytics/ratings?days=30&format=csv', {
      auth: true,
      accept: 'text/csv',
    });

    expect(await blob.text()).toBe('date,ratings\n2026-11-01,12\n');
    const headers = new Headers(fetch.mock.calls[2]?.[1]?.headers);
    expect(headers.get('Authorization')).toBe('Bearer fresh');
    expect(headers.get('Accept')).toBe('text/csv');
  });

  it('turns a refused export into an ApiError like any call', async () => {
    const client = clientWith(
      vi.fn<typeof globalThis.fetch>().mockResolvedValue(
        problemResponse({
          type: 'about:blank',
          title: 'Forbidden',
          status: 403,
          code: 'forbidden',
        }),
      ),
    );
    client.session.setSession(testSession());
    await expect(client.getBlob('/brand/analytics/funnel', { auth: true })).rejects.toMatchObject({
      status: 403,
      code: 'forbidden',
    });
  });
});
