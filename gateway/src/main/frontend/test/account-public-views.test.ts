// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiClient } from '../src/api/client';
import { sessionFrom, type StoredSession } from '../src/auth/session';
import { i18n } from '../src/i18n/i18n';
import { relocalize } from '../src/ui/l10n';
import { publicPage } from '../src/format/account';
import { publicView } from '../src/views/account-public';
import { type Answer, fakeFetch, json, jwt, problem, submit, text, type } from './account-fake-api';

const NEW_TOKEN = jwt({ sub: 'anna', roles: ['PARTNER'], partnerId: 'P-1' });

/** A public page at a hash, with the page's client (possibly holding an old session) and the session-less one. */
function open(hash: string, routes: Record<string, Answer>, oldSession = false) {
  const fake = fakeFetch(routes);
  const fetchImpl = fake.fetchImpl as unknown as typeof fetch;
  const api = new ApiClient(() => undefined, fetchImpl);
  if (oldSession) {
    api.use(sessionFrom({ accessToken: jwt({ sub: 'old', roles: ['OPS'] }), refreshToken: 'old-refresh' }));
  }
  const publicApi = new ApiClient(() => undefined, fetchImpl);
  const signedIn: StoredSession[] = [];
  const page = publicPage(hash);
  if (!page) {
    throw new Error(`not a public page: ${hash}`);
  }
  document.body.replaceChildren(publicView(page, { api, publicApi, onSignedIn: (s) => signedIn.push(s) }));
  return { ...fake, api, signedIn };
}

const fieldError = (id: string) => text(document.getElementById(`${id}-error`));

describe('accepting an invitation (#/invitations/<token>)', () => {
  afterEach(() => i18n.set('en', false));

  it('makes the login with the chosen username and password, then signs in with them', async () => {
    const { calls, signedIn } = open('#/invitations/tok-1', {
      'POST /auth/invitations/tok-1/accept': json(201, { username: 'anna', roles: ['PARTNER'], partnerId: 'P-1' }),
      'POST /auth/token': json(200, { accessToken: NEW_TOKEN, refreshToken: 'r1' }),
    });
    expect(text(document.querySelector('h1'))).toBe('Welcome to Rapport');
    expect(document.querySelector('label[for="invitation-username"]')).not.toBeNull();
    expect(document.querySelector<HTMLInputElement>('#invitation-password')?.autocomplete).toBe('new-password');
    type('#invitation-username', ' anna ');
    type('#invitation-password', 'a long password');
    type('#invitation-password-repeat', 'a long password');
    submit(document.querySelector('#invitation-form'));
    await vi.waitFor(() => expect(signedIn).toHaveLength(1));
    expect(calls[0]).toMatchObject({ method: 'POST', path: '/auth/invitations/tok-1/accept', body: { username: 'anna', password: 'a long password' } });
    expect(calls[0].headers.Authorization).toBeUndefined();
    expect(calls[1]).toMatchObject({ path: '/auth/token', body: { username: 'anna', password: 'a long password' } });
    expect(signedIn[0].claims.partnerId).toBe('P-1');
  });

  it('checks the password on its fields before sending anything', async () => {
    const { calls } = open('#/invitations/tok-1', {});
    type('#invitation-username', 'anna');
    type('#invitation-password', 'short');
    type('#invitation-password-repeat', 'short');
    submit(document.querySelector('#invitation-form'));
    await vi.waitFor(() => expect(fieldError('invitation-password')).toBe('The password needs at least 8 characters.'));
    expect(document.querySelector('#invitation-password')?.getAttribute('aria-invalid')).toBe('true');

    type('#invitation-password', 'a long password');
    type('#invitation-password-repeat', 'a long passw0rd');
    submit(document.querySelector('#invitation-form'));
    await vi.waitFor(() => expect(fieldError('invitation-password-repeat')).toBe('The two passwords are not the same.'));
    expect(document.querySelector('#invitation-password')?.hasAttribute('aria-invalid')).toBe(false);

    type('#invitation-username', 'a b');
    type('#invitation-password-repeat', 'a long password');
    submit(document.querySelector('#invitation-form'));
    await vi.waitFor(() => expect(fieldError('invitation-username')).toContain('2 to 64 letters'));
    expect(calls).toEqual([]);
  });

  it('puts a taken username on the username field', async () => {
    open('#/invitations/tok-1', {
      'POST /auth/invitations/tok-1/accept': problem(409, 'duplicate-username', { detail: "a user named 'anna' exists already" }),
    });
    type('#invitation-username', 'anna');
    type('#invitation-password', 'a long password');
    type('#invitation-password-repeat', 'a long password');
    submit(document.querySelector('#invitation-form'));
    await vi.waitFor(() => expect(fieldError('invitation-username')).toBe('This username is taken: choose another one.'));
    expect(document.activeElement?.id).toBe('invitation-username');
  });

  it('says plainly that a used or expired link no longer works, in the page\'s language', async () => {
    const { signedIn } = open('#/invitations/spent', {
      'POST /auth/invitations/spent/accept': problem(410, 'link-gone', { detail: 'this invitation link was used already or has expired; ask for a new one' }),
    });
    type('#invitation-username', 'anna');
    type('#invitation-password', 'a long password');
    type('#invitation-password-repeat', 'a long password');
    submit(document.querySelector('#invitation-form'));
    await vi.waitFor(() => expect(document.querySelector('#link-gone')).not.toBeNull());
    expect(document.querySelector('#link-gone')?.getAttribute('role')).toBe('alert');
    expect(text(document.querySelector('#link-gone'))).toContain('This link no longer works.');
    expect(text(document.querySelector('#link-gone'))).toContain('Ask your contact at Rapport for a new invitation');
    expect(document.querySelector('#invitation-form')).toBeNull();
    expect(document.querySelector<HTMLAnchorElement>('#back-to-sign-in')?.getAttribute('href')).toBe('#/');
    expect(signedIn).toEqual([]);
    i18n.set('zh', false);
    relocalize(document);
    expect(text(document.querySelector('#link-gone .problem-message'))).toBe('此链接已失效。');
  });
});

describe('a forgotten password (#/password-reset)', () => {
  it('asks for a link and answers the same words whoever asks', async () => {
    const { calls } = open('#/password-reset', { 'POST /auth/password-resets': new Response(null, { status: 202 }) }, true);
    expect(text(document.querySelector('h1'))).toBe('Forgot your password?');
    type('#forgot-email', 'anna@example.com');
    submit(document.querySelector('#forgot-form'));
    await vi.waitFor(() => expect(text(document.querySelector('#forgot-form-message'))).toContain('If a login belongs to this address'));
    expect(calls[0]).toMatchObject({ method: 'POST', path: '/auth/password-resets', body: { email: 'anna@example.com' } });
    // an old session in the tab is not sent along
    expect(calls[0].headers.Authorization).toBeUndefined();
  });

  it('wants an address', async () => {
    const { calls } = open('#/password-reset', {});
    submit(document.querySelector('#forgot-form'));
    await vi.waitFor(() => expect(fieldError('forgot-email')).not.toBe(''));
    expect(calls).toEqual([]);
  });
});

describe('choosing a new password from the mailed link (#/password-resets/<token>)', () => {
  it('sets it, ends the tab\'s old session and offers to sign in', async () => {
    const { calls, api } = open('#/password-resets/reset-1', {
      'POST /auth/password-resets/reset-1': new Response(null, { status: 204 }),
      'POST /auth/logout': new Response(null, { status: 204 }),
    }, true);
    expect(text(document.querySelector('h1'))).toBe('Choose a new password');
    type('#reset-password', 'new password 1');
    type('#reset-password-repeat', 'new password 1');
    submit(document.querySelector('#password-reset-form'));
    await vi.waitFor(() => expect(document.querySelector('#password-reset-done')).not.toBeNull());
    expect(calls[0]).toMatchObject({ path: '/auth/password-resets/reset-1', body: { password: 'new password 1' } });
    expect(calls[0].headers.Authorization).toBeUndefined();
    expect(text(document.querySelector('#password-reset-done'))).toContain('Your password has been changed');
    expect(api.current).toBeNull();
    expect(document.activeElement?.id).toBe('back-to-sign-in');
  });

  it('tells an expired link apart from a refusal, and offers a new one', async () => {
    open('#/password-resets/old', { 'POST /auth/password-resets/old': problem(410, 'link-gone') });
    type('#reset-password', 'new password 1');
    type('#reset-password-repeat', 'new password 1');
    submit(document.querySelector('#password-reset-form'));
    await vi.waitFor(() => expect(document.querySelector('#link-gone')).not.toBeNull());
    expect(text(document.querySelector('#link-gone'))).toContain('a reset link works once, for one hour');
    expect(document.querySelector<HTMLAnchorElement>('#ask-new-link')?.getAttribute('href')).toBe('#/password-reset');
  });

  it('shows any other refusal in the form', async () => {
    open('#/password-resets/x', { 'POST /auth/password-resets/x': problem(503, 'service-unavailable', { detail: 'mail server down' }) });
    type('#reset-password', 'new password 1');
    type('#reset-password-repeat', 'new password 1');
    submit(document.querySelector('#password-reset-form'));
    await vi.waitFor(() => expect(document.querySelector('#password-reset-form-message')?.getAttribute('data-problem')).toBe('service-unavailable'));
    expect(document.querySelector('#password-reset-form')).not.toBeNull();
  });
});
