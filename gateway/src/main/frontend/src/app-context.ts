/** What every view gets: the API, who is signed in, the live notifications, and the page's announcer. */
import type { ApiClient } from './api/client';
import type { Claims } from './auth/session';
import type { MessageKey, Params } from './i18n/i18n';
import type { NotificationCenter } from './live/notifications';

export interface AppContext {
  api: ApiClient;
  claims: Claims;
  notifications: NotificationCenter | null;
  /** says something to screen-reader users (and shows it briefly) without moving focus */
  announce(key: MessageKey, params?: Params): void;
}

export interface View {
  element: HTMLElement;
  /** the language changed: redraw what relocalize() cannot (charts) */
  onLanguage?(): void;
  destroy?(): void;
}
