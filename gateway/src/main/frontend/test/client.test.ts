import { describe, expect, it, vi } from 'vitest';
import { ApiClient, IdempotentSubmission } from '../src/api/client';
import { ApiError } from '../src/api/problem';

function jwt(payload: object): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'RS256' })}.${encode(payload)}.signature`;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

describe('the API client', () => {
  it('signs in, then sends the bearer token', async () => {
    const token = jwt({ sub: 'p1', roles: ['PARTNER'], partnerId: 'P-1' });
    const fetchImpl = vi.fn()
      .mockResolvedValueOnce(json(200, { accessToken: token, tokenType: 'Bearer', expiresIn: 900 }))
      .mockResolvedValueOnce(json(200, { items: [] }));
    const api = new ApiClient(() => undefined, fetchImpl);
    const session = await api.signIn('p1', 'secret-password');
    expect(session.claims).toEqual({ sub: 'p1', roles: ['PARTNER'], partnerId: 'P-1', exp: null });
    await api.get('/api/referrals');
    expect(fetchImpl.mock.calls[1][1].headers.Authorization).toBe(`Bearer ${token}`);
    expect(fetchImpl.mock.calls[0][1].headers.Authorization).toBeUndefined();
  });

  it('answers a 401 with the refresh token, and repeats the call with the new access token', async () => {
    const first = jwt({ sub: 'p1', roles: ['PARTNER'], partnerId: 'P-1' });
    const second = jwt({ sub: 'p1', roles: ['PARTNER'], partnerId: 'P-1', exp: 2 });
    const fetchImpl = vi.fn()
      .mockResolvedValueOnce(json(200, { accessToken: first, refreshToken: 'r1' }))
      .mockResolvedValueOnce(json(401, { type: '/problems/unauthenticated', status: 401 }))
      .mockResolvedValueOnce(json(200, { accessToken: second, refreshToken: 'r2' }))
      .mockResolvedValueOnce(json(200, { ok: true }));
    const api = new ApiClient(() => undefined, fetchImpl);
    await api.signIn('p1', 'pw');
    expect(await api.get('/api/x')).toEqual({ ok: true });
    expect(fetchImpl.mock.calls[2][0]).toBe('/auth/refresh');
    expect(JSON.parse(fetchImpl.mock.calls[2][1].body)).toEqual({ refreshToken: 'r1' });
    expect(fetchImpl.mock.calls[3][1].headers.Authorization).toBe(`Bearer ${second}`);
    expect(api.current?.refreshToken).toBe('r2');
  });

  it('ends the session when there is no way to refresh it', async () => {
    const ended = vi.fn();
    const fetchImpl = vi.fn()
      .mockResolvedValueOnce(json(200, { accessToken: jwt({ sub: 'ops', roles: ['OPS'] }) }))
      .mockResolvedValueOnce(json(401, { status: 401 }));
    const api = new ApiClient(ended, fetchImpl);
    await api.signIn('ops', 'pw');
    await expect(api.get('/api/referrals')).rejects.toBeInstanceOf(ApiError);
    expect(ended).toHaveBeenCalledOnce();
    expect(api.current).toBeNull();
  });

  it('turns problem+json into an ApiError with the problem and Retry-After', async () => {
    const fetchImpl = vi.fn().mockResolvedValueOnce(json(429, {
      type: 'https://docs.rapport.example/problems/too-many-requests', title: 'Too many requests', status: 429,
    }, { 'Retry-After': '12' }));
    const api = new ApiClient(() => undefined, fetchImpl);
    const error = await api.signIn('x', 'y').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).slug).toBe('too-many-requests');
    expect((error as ApiError).retryAfterSeconds).toBe(12);
  });

  it('makes a problem of an answer that is not JSON, and of no answer', async () => {
    const fetchImpl = vi.fn()
      .mockResolvedValueOnce(new Response('<html>bad gateway</html>', { status: 502 }))
      .mockRejectedValueOnce(new TypeError('Failed to fetch'));
    const api = new ApiClient(() => undefined, fetchImpl);
    expect(((await api.get('/a').catch((e: unknown) => e)) as ApiError).slug).toBe('bad-gateway');
    expect(((await api.get('/a').catch((e: unknown) => e)) as ApiError).slug).toBe('network');
  });

  it('sends JSON bodies with the Idempotency-Key', async () => {
    const fetchImpl = vi.fn().mockResolvedValueOnce(json(201, { referralId: 'r' }));
    const api = new ApiClient(() => undefined, fetchImpl);
    await api.post('/api/referrals', { description: 'x' }, { idempotencyKey: 'k-1' });
    const init = fetchImpl.mock.calls[0][1];
    expect(init.method).toBe('POST');
    expect(init.headers['Content-Type']).toBe('application/json');
    expect(init.headers['Idempotency-Key']).toBe('k-1');
    expect(init.body).toBe('{"description":"x"}');
  });
});

describe('idempotency keys of a form', () => {
  it('reuses the key only for the very same body sent again before any answer', () => {
    const submission = new IdempotentSubmission();
    const first = submission.keyFor({ a: 1 });
    expect(submission.keyFor({ a: 1 })).toBe(first);
    expect(submission.keyFor({ a: 2 })).not.toBe(first);
    const third = submission.keyFor({ a: 2 });
    submission.settled();
    expect(submission.keyFor({ a: 2 })).not.toBe(third);
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
