/** The sign-in form: POST /auth/token with username and password. */
import type { ApiClient } from '../api/client';
import type { StoredSession } from '../auth/session';
import { ApiError } from '../api/problem';
import { h } from '../ui/dom';
import { Form } from '../ui/forms';
import { tx } from '../ui/l10n';

export function loginView(api: ApiClient, onSignedIn: (session: StoredSession) => void, expired: boolean): HTMLElement {
  const form = new Form({
    id: 'login-form',
    fields: [
      { name: 'username', id: 'login-username', label: 'login.username', required: true, autocomplete: 'username' },
      { name: 'password', id: 'login-password', label: 'login.password', type: 'password', required: true, autocomplete: 'current-password' },
    ],
    submit: 'login.submit',
    onSubmit: async (values) => {
      try {
        onSignedIn(await api.signIn(values.username, values.password));
      } catch (error) {
        // a wrong password is the expected refusal here: say it plainly rather than "not signed in"
        if (error instanceof ApiError && error.status === 401) {
          throw new ApiError({ ...error.problem, type: '/problems/invalid-credentials', detail: undefined });
        }
        throw error;
      }
    },
  });
  const title = tx('login.title', undefined, 'h1');
  title.id = 'login-title';
  return h('div', { className: 'login' },
    h('section', { className: 'card login-card', 'aria-labelledby': 'login-title' },
      title,
      tx('login.intro', undefined, 'p'),
      expired ? h('p', { className: 'notice', role: 'status' }, tx('login.expired')) : null,
      form.element));
}
