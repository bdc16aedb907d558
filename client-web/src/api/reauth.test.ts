import { describe, expect, it, vi } from 'vitest';
import { ApiClient } from './client';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const error = (status: number, code: string) => json(status, { error: { code, message: `${code} happened` } });

function clientWith(responses: Response[]) {
  const calls: string[] = [];
  const client = new ApiClient(async (url, init) => {
    calls.push(`${init.method} ${url}`);
    const next = responses.shift();
    if (!next) throw new Error('no more responses');
    return next;
  });
  client.setCsrfToken('tok');
  return { client, calls };
}

describe('re-authentication', () => {
  it('asks the app on 401 reauth_required and retries once confirmed', async () => {
    const { client, calls } = clientWith([error(401, 'reauth_required'), json(200, { user: { id: 2 } })]);
    const expired = vi.fn();
    client.onSessionExpired = expired;
    client.onReauthRequired = vi.fn(async () => true);
    await expect(client.request('PATCH', '/users/2', { body: { role: 'coach' } })).resolves.toEqual({ user: { id: 2 } });
    expect(client.onReauthRequired).toHaveBeenCalledTimes(1);
    expect(calls).toEqual(['PATCH /api/v1/users/2', 'PATCH /api/v1/users/2']);
    expect(expired).not.toHaveBeenCalled();
    expect(client.hasSession).toBe(true);
  });

  it('gives up with the error when the person cancels, still signed in', async () => {
    const { client, calls } = clientWith([error(401, 'reauth_required')]);
    client.onReauthRequired = async () => false;
    await expect(client.request('PUT', '/policy', { body: {} })).rejects.toMatchObject({ code: 'reauth_required' });
    expect(calls).toHaveLength(1);
    expect(client.hasSession).toBe(true);
  });

  it('does not offer re-authentication for the reauth call itself', async () => {
    const { client } = clientWith([error(401, 'invalid_credentials')]);
    const ask = vi.fn(async () => true);
    client.onReauthRequired = ask;
    await expect(client.request('POST', '/auth/reauth', { body: { password: 'x' }, noReauth: true })).rejects.toMatchObject({
      code: 'invalid_credentials',
    });
    expect(ask).not.toHaveBeenCalled();
  });

  it('treats a wrong password or code as an answer, and a plain 401 as a signed-out session', async () => {
    const { client } = clientWith([error(401, 'invalid_credentials'), error(401, 'invalid_totp'), error(401, 'unauthenticated')]);
    const expired = vi.fn();
    client.onSessionExpired = expired;
    await expect(client.request('PUT', '/me/password', { body: {} })).rejects.toMatchObject({ code: 'invalid_credentials' });
    await expect(client.request('DELETE', '/me/totp', { body: {} })).rejects.toMatchObject({ code: 'invalid_totp' });
    expect(expired).not.toHaveBeenCalled();
    await expect(client.request('GET', '/me/sessions')).rejects.toMatchObject({ code: 'unauthenticated' });
    expect(expired).toHaveBeenCalledTimes(1);
  });
});
