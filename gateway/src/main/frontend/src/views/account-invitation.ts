/**
 * `#/invitations/<token>`, the link of the invitation mail: the invited person chooses a username and a password
 * (POST /auth/invitations/{token}/accept, no session) and is then signed in with them. A used or expired link (410
 * link-gone) says so and offers the sign-in page.
 */
import type { ApiClient } from '../api/client';
import type { AccountUser, InvitationAcceptance } from '../api/account-types';
import type { StoredSession } from '../auth/session';
import { USERNAME_PATTERN } from '../format/account';
import { h, replaceChildren } from '../ui/dom';
import { Form } from '../ui/forms';
import { tx } from '../ui/l10n';
import {
  checkNewPassword, fieldProblem, isLinkGone, linkGonePanel, newPasswordFields, onField, publicFrame, signInLink, typed,
} from './account-common';

export interface PublicDeps {
  /** a client without a session: these calls never carry a bearer token, stale or not */
  publicApi: ApiClient;
  /** the page's client, to sign in once the login exists */
  api: ApiClient;
  onSignedIn(session: StoredSession): void;
}

export function invitationPage(deps: PublicDeps, token: string): HTMLElement {
  const body = h('div', { id: 'invitation-body' });
  const form: Form = new Form({
    id: 'invitation-form',
    fields: [
      {
        name: 'username', id: 'invitation-username', label: 'account.invitation.username', required: true,
        autocomplete: 'username', hint: 'account.invitation.usernameHint', maxLength: 64,
      },
      ...newPasswordFields('invitation'),
    ],
    submit: 'account.invitation.submit',
    onSubmit: async (values) => {
      const username = values.username;
      if (!USERNAME_PATTERN.test(username)) {
        throw fieldProblem([{ field: 'username', key: 'account.invitation.usernameInvalid' }]);
      }
      const password = typed(form, 'password');
      checkNewPassword(password, typed(form, 'repeat'));
      const acceptance: InvitationAcceptance = { username, password };
      try {
        await deps.publicApi.post<AccountUser>(`/auth/invitations/${encodeURIComponent(token)}/accept`, acceptance);
      } catch (error) {
        if (isLinkGone(error)) {
          replaceChildren(body, linkGonePanel('invitation'));
          body.querySelector<HTMLElement>('#link-gone')?.focus();
          return null;
        }
        throw onField(error, 'duplicate-username', 'username', 'account.invitation.usernameTaken');
      }
      try {
        deps.onSignedIn(await deps.api.signIn(username, password));
        return null;
      } catch {
        // the login exists; signing in by hand is the way on
        replaceChildren(body, h('div', { className: 'form-message success', role: 'status', id: 'invitation-done' },
          tx('account.invitation.doneSignIn', undefined, 'p'), h('p', {}, signInLink())));
        return null;
      }
    },
  });
  replaceChildren(body, tx('account.invitation.intro', undefined, 'p'), form.element);
  return publicFrame('invitation', 'account.invitation.title', body);
}
