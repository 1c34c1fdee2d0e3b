/**
 * What the account pages share: the frame of a page shown without a session, the password fields and their checks,
 * the sentence for a link that no longer works, refusals turned into errors on fields, and documents (PDF) fetched
 * with the bearer token and saved as files.
 */
import './account-pages.css';
import type { ApiClient } from '../api/client';
import { ApiError, type FieldError, type Problem } from '../api/problem';
import { PASSWORD_MAX, PASSWORD_MIN, type PasswordProblem, dispositionFilename, passwordProblem } from '../format/account';
import { type MessageKey, type Params, t } from '../i18n/i18n';
import { h } from '../ui/dom';
import type { FieldSpec, Form } from '../ui/forms';
import { tx } from '../ui/l10n';

/** A page for someone not signed in (yet): one card with a heading, like the sign-in page. */
export function publicFrame(id: string, title: MessageKey, ...content: (Node | null)[]): HTMLElement {
  const heading = tx(title, undefined, 'h1');
  heading.id = `${id}-title`;
  return h('div', { className: 'login', id },
    h('section', { className: 'card login-card', 'aria-labelledby': heading.id }, heading, content));
}

/** A link back to the sign-in form ("#/": without a session every route shows it). */
export function signInLink(id = 'back-to-sign-in'): HTMLAnchorElement {
  const link = tx('account.backToSignIn', undefined, 'a');
  link.href = '#/';
  link.id = id;
  return link;
}

export function forgotPasswordLink(): HTMLAnchorElement {
  const link = tx('account.forgot.link', undefined, 'a');
  link.href = '#/password-reset';
  link.id = 'forgot-password-link';
  return link;
}

/** The new password twice, with the gateway's length rule as a hint. */
export function newPasswordFields(prefix: string): FieldSpec[] {
  return [
    {
      name: 'password', id: `${prefix}-password`, label: 'account.password.new', type: 'password', required: true,
      autocomplete: 'new-password', hint: 'account.password.hint', maxLength: PASSWORD_MAX,
    },
    {
      name: 'repeat', id: `${prefix}-password-repeat`, label: 'account.password.repeat', type: 'password', required: true,
      autocomplete: 'new-password', maxLength: PASSWORD_MAX,
    },
  ];
}

const PASSWORD_MESSAGES: Record<PasswordProblem, [field: string, key: MessageKey]> = {
  'too-short': ['password', 'account.password.tooShort'],
  'too-long': ['password', 'account.password.tooLong'],
  mismatch: ['repeat', 'account.password.mismatch'],
};

/** The same refusal the API would give, made in the page: the form shows it on its field. */
export function fieldProblem(errors: { field: string; key: MessageKey; params?: Params }[]): ApiError {
  return new ApiError({
    type: '/problems/validation-failed',
    title: 'Invalid request',
    status: 400,
    errors: errors.map((e): FieldError => ({ field: e.field, message: t(e.key, e.params) })),
  });
}

/** Throws a field error when the chosen password does not meet the rules or was not repeated exactly. */
export function checkNewPassword(password: string, repeated: string): void {
  const problem = passwordProblem(password, repeated);
  if (problem) {
    const [field, key] = PASSWORD_MESSAGES[problem];
    throw fieldProblem([{ field, key, params: { min: PASSWORD_MIN, max: PASSWORD_MAX } }]);
  }
}

/** A password as typed (Form.values() trims, and spaces count in a password). */
export function typed(form: Form, name: string): string {
  return form.fields.get(name)?.control.value ?? '';
}

/** A 410 from the gateway: the link was used, has expired, or never existed (it does not say which). */
export function isLinkGone(error: unknown): boolean {
  return error instanceof ApiError && (error.slug === 'link-gone' || error.status === 410);
}

/** Says the link no longer works, what to do instead, and offers the way there. */
export function linkGonePanel(kind: 'invitation' | 'password-reset'): HTMLElement {
  const what = tx(kind === 'invitation' ? 'account.linkGone.invitation' : 'account.linkGone.passwordReset', undefined, 'p');
  const next = kind === 'invitation' ? signInLink() : Object.assign(tx('account.linkGone.askAgain', undefined, 'a'), { href: '#/password-reset', id: 'ask-new-link' });
  return h('div', { className: 'panel-problem', role: 'alert', id: 'link-gone', 'data-slug': 'link-gone' },
    h('p', { className: 'problem-message' }, tx('account.linkGone.title')),
    what,
    h('p', { className: 'account-links' }, next, kind === 'invitation' ? null : signInLink()));
}

/** A refusal whose slug the portal has no sentence for, turned into the field error it is about. */
export function onField(error: unknown, slug: string, field: string, key: MessageKey): unknown {
  if (error instanceof ApiError && error.slug === slug) {
    const problem: Problem = {
      ...error.problem,
      type: '/problems/validation-failed',
      errors: [{ field, message: t(key) }],
    };
    return new ApiError(problem, error.retryAfterSeconds);
  }
  return error;
}

/**
 * A document (PDF) of the API, fetched with the bearer token (a plain link could not send it), once more after a
 * refresh on a 401. Problems become ApiError as for every other call.
 */
export async function fetchDocument(api: ApiClient, path: string, fallbackName: string): Promise<{ blob: Blob; filename: string }> {
  const response = await api.file(path, 'application/pdf, application/problem+json');
  return { blob: await response.blob(), filename: dispositionFilename(response.headers.get('Content-Disposition'), fallbackName) };
}
