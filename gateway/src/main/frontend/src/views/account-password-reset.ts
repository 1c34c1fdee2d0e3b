/**
 * Forgotten passwords, without a session. `#/password-reset`: the address the link should go to (POST
 * /auth/password-resets); the answer is always the same, whether or not a login has that address. `#/password-resets/
 * <token>`, the link of the mail: the new password (POST /auth/password-resets/{token}, 204), then sign in with it.
 */
import type { NewPassword, PasswordResetRequest } from '../api/account-types';
import { h, replaceChildren } from '../ui/dom';
import { Form } from '../ui/forms';
import { tx } from '../ui/l10n';
import {
  checkNewPassword, isLinkGone, linkGonePanel, newPasswordFields, publicFrame, signInLink, typed,
} from './account-common';
import type { PublicDeps } from './account-invitation';

export function forgotPasswordPage(deps: PublicDeps): HTMLElement {
  const form = new Form({
    id: 'forgot-form',
    fields: [
      { name: 'email', id: 'forgot-email', label: 'account.forgot.email', type: 'email', required: true, autocomplete: 'email', maxLength: 254 },
    ],
    submit: 'account.forgot.submit',
    onSubmit: async (values) => {
      const request: PasswordResetRequest = { email: values.email };
      await deps.publicApi.post<void>('/auth/password-resets', request);
      // the same words whoever asks: the page never learns whether the address is known
      return 'account.forgot.sent';
    },
  });
  return publicFrame('forgot-password', 'account.forgot.title',
    tx('account.forgot.intro', undefined, 'p'),
    form.element,
    h('p', { className: 'account-links' }, signInLink()));
}

export function passwordResetPage(deps: PublicDeps, token: string): HTMLElement {
  const body = h('div', { id: 'password-reset-body' });
  const form: Form = new Form({
    id: 'password-reset-form',
    fields: newPasswordFields('reset'),
    submit: 'account.reset.submit',
    onSubmit: async () => {
      const password = typed(form, 'password');
      checkNewPassword(password, typed(form, 'repeat'));
      const request: NewPassword = { password };
      try {
        await deps.publicApi.post<void>(`/auth/password-resets/${encodeURIComponent(token)}`, request);
      } catch (error) {
        if (isLinkGone(error)) {
          replaceChildren(body, linkGonePanel('password-reset'));
          return null;
        }
        throw error;
      }
      // the gateway ended every session of this login: this tab's too
      await deps.api.signOut();
      const done = h('div', { className: 'form-message success', role: 'status', id: 'password-reset-done' },
        tx('account.reset.done', undefined, 'p'), h('p', {}, signInLink()));
      replaceChildren(body, done);
      body.querySelector<HTMLElement>('#back-to-sign-in')?.focus();
      return null;
    },
  });
  replaceChildren(body, tx('account.reset.intro', undefined, 'p'), form.element);
  return publicFrame('password-reset', 'account.reset.title', body);
}
