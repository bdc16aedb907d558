import { describe, expect, it, vi } from 'vitest';
import { ApiClient, buildUrl } from './client';
import { ApiError } from './errors';

interface Call {
  url: string;
  init: RequestInit;
}

function fakeFetch(responses: Array<Response | Error>) {
  const calls: Call[] = [];
  const impl = vi.fn(async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const next = responses.shift();
    if (!next) throw new Error('no more responses');
    if (next instanceof Error) throw next;
    return next;
  });
  return { impl, calls };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

describe('buildUrl', () => {
  it('prefixes the API path and leaves out empty parameters', () => {
    expect(buildUrl('/feed', { space: 'company', limit: 20, before: null })).toBe('/api/v1/feed?space=company&limit=20');
    expect(buildUrl('/feed', { before: 'a b+c' })).toBe('/api/v1/feed?before=a+b%2Bc');
    expect(buildUrl('/api/v1/me')).toBe('/api/v1/me');
  });
});

describe('ApiClient', () => {
  it('sends GET without CSRF or body, with same-origin credentials', async () => {
    const { impl, calls } = fakeFetch([json(200, { items: [], next: null })]);
    const client = new ApiClient(impl);
    client.setCsrfToken('tok');
    await expect(client.request('GET', '/feed')).resolves.toEqual({ items: [], next: null });
    const headers = calls[0].init.headers as Record<string, string>;
    expect(calls[0].init.credentials).toBe('same-origin');
    expect(calls[0].init.body).toBeUndefined();
    expect(headers['X-CSRF-Token']).toBeUndefined();
  });

  it('sends CSRF token and JSON content type on state-changing requests', async () => {
    const { impl, calls } = fakeFetch([json(201, { post: { id: 1 } }), json(200, { like_count: 1, liked_by_me: true })]);
    const client = new ApiClient(impl);
    client.setCsrfToken('tok');
    await client.request('POST', '/posts', { body: { body: 'hi', space: 'company', action: 'publish' } });
    await client.request('PUT', '/posts/1/like');
    for (const call of calls) {
      const headers = call.init.headers as Record<string, string>;
      expect(headers['X-CSRF-Token']).toBe('tok');
      expect(headers['Content-Type']).toBe('application/json');
    }
    expect(calls[0].init.body).toBe('{"body":"hi","space":"company","action":"publish"}');
    expect(calls[1].init.body).toBe('{}');
  });

  it('turns failures into ApiError with the server message', async () => {
    const { impl } = fakeFetch([json(403, { error: { code: 'review_required', message: 'Needs approval.' } })]);
    const client = new ApiClient(impl);
    client.setCsrfToken('tok');
    const error = await client.request<never>('POST', '/posts', { body: {} }).catch((e: unknown) => e as ApiError);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('review_required');
    expect(error.message).toBe('Needs approval.');
  });

  it('reports a network failure as status 0', async () => {
    const { impl } = fakeFetch([new TypeError('Failed to fetch')]);
    const error = await new ApiClient(impl).request<never>('GET', '/me').catch((e: unknown) => e as ApiError);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(0);
  });

  it('tells the app once when a signed-in request gets 401', async () => {
    const { impl } = fakeFetch([
      json(401, { error: { code: 'unauthenticated', message: 'Sign in.' } }),
      json(401, { error: { code: 'unauthenticated', message: 'Sign in.' } }),
    ]);
    const client = new ApiClient(impl);
    client.setCsrfToken('tok');
    const expired = vi.fn();
    client.onSessionExpired = expired;
    await expect(client.request('GET', '/feed')).rejects.toBeInstanceOf(ApiError);
    expect(expired).toHaveBeenCalledTimes(1);
    expect(client.hasSession).toBe(false);
    await expect(client.request('GET', '/feed')).rejects.toBeInstanceOf(ApiError);
    expect(expired).toHaveBeenCalledTimes(1);
  });

  it('does not treat a failed sign-in as an expired session', async () => {
    const { impl } = fakeFetch([json(401, { error: { code: 'invalid_credentials', message: 'Wrong.' } })]);
    const client = new ApiClient(impl);
    client.setCsrfToken('tok');
    const expired = vi.fn();
    client.onSessionExpired = expired;
    await expect(client.request('POST', '/auth/login', { expectUnauthenticated: true })).rejects.toMatchObject({
      code: 'invalid_credentials',
    });
    expect(expired).not.toHaveBeenCalled();
  });

  it('retries once with a fresh token after csrf_failed', async () => {
    const { impl, calls } = fakeFetch([
      json(403, { error: { code: 'csrf_failed', message: 'Bad token.' } }),
      json(200, { user: { id: 1 }, csrf_token: 'fresh' }),
      json(201, { reply: { id: 9 } }),
    ]);
    const client = new ApiClient(impl);
    client.setCsrfToken('stale');
    await expect(client.request('POST', '/posts/1/replies', { body: { body: 'x' } })).resolves.toEqual({ reply: { id: 9 } });
    expect(calls[1].url).toBe('/api/v1/me');
    expect((calls[2].init.headers as Record<string, string>)['X-CSRF-Token']).toBe('fresh');
  });

  it('accepts an empty successful body', async () => {
    const { impl } = fakeFetch([new Response('', { status: 200 })]);
    const client = new ApiClient(impl);
    client.setCsrfToken('tok');
    await expect(client.request('POST', '/auth/logout')).resolves.toBeUndefined();
  });
});
