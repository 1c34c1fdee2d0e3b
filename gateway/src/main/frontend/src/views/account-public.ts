/** The pages the mailed links open, and the forgotten-password form: shown by the shell without a session. */
import type { PublicPage } from '../format/account';
import { type PublicDeps, invitationPage } from './account-invitation';
import { forgotPasswordPage, passwordResetPage } from './account-password-reset';

export type { PublicDeps } from './account-invitation';

export function publicView(page: PublicPage, deps: PublicDeps): HTMLElement {
  switch (page.page) {
    case 'invitation':
      return invitationPage(deps, page.token);
    case 'password-reset':
      return passwordResetPage(deps, page.token);
    case 'forgot-password':
      return forgotPasswordPage(deps);
  }
}
