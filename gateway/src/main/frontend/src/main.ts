/**
 * The portal's shell: sign-in, then a header (navigation, language, sign out), the current view and the live
 * notification feed. Views are chosen by the URL hash, so the gateway serves one page and the back button works.
 */
import './styles.css';
import { ApiClient } from './api/client';
import type { Partner } from './api/types';
import type { AppContext, View } from './app-context';
import { type Claims, type StoredSession, isOperations, isPartner, loadSession } from './auth/session';
import { PORTAL } from './config';
import { LANGUAGES, type Language, type MessageKey, type Params, i18n, isLanguage, t } from './i18n/i18n';
import { NotificationCenter } from './live/notifications';
import { h, replaceChildren } from './ui/dom';
import { relocalize, setAttr, setText, tx } from './ui/l10n';
import { commissionsView } from './views/commissions';
import { dashboardView } from './views/dashboard';
import { loginView } from './views/login';
import { notificationsView } from './views/notifications';
import { opsView } from './views/ops';
import { opsPartnersView } from './views/ops-partners';
import { statementsView } from './views/statements';
import { FINANCE_ROUTES } from './views/finance-routes';
import { publicPage } from './format/account';
import { forgotPasswordLink } from './views/account-common';
import { publicView } from './views/account-public';
import { documentsView } from './views/partner-documents';
import { disputesView } from './views/partner-disputes';
import { profileView } from './views/profile';

interface Route {
  hash: string;
  label: MessageKey;
  allowed: (claims: Claims) => boolean;
  view: (ctx: AppContext) => View;
}

const ROUTES: Route[] = [
  { hash: '#/dashboard', label: 'nav.dashboard', allowed: isPartner, view: dashboardView },
  { hash: '#/commissions', label: 'nav.commissions', allowed: isPartner, view: commissionsView },
  { hash: '#/statements', label: 'nav.statements', allowed: isPartner, view: statementsView },
  { hash: '#/notifications', label: 'nav.notifications', allowed: isPartner, view: notificationsView },
  { hash: '#/profile', label: 'profile.nav', allowed: isPartner, view: profileView },
  { hash: '#/documents', label: 'account.documents.nav', allowed: isPartner, view: documentsView },
  { hash: '#/disputes', label: 'account.disputes.nav', allowed: isPartner, view: disputesView },
  { hash: '#/ops', label: 'nav.ops', allowed: isOperations, view: opsView },
  { hash: '#/ops/partners', label: 'ops.nav.partners', allowed: isOperations, view: opsPartnersView },
  ...FINANCE_ROUTES,
];

const root = document.getElementById('app') as HTMLElement;
const announcer = h('div', { id: 'announcer', className: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
const toasts = h('div', { id: 'toasts', className: 'toasts', 'aria-hidden': 'true' });
document.body.append(announcer, toasts);

i18n.init(i18n.storedChoice(), navigator.languages ?? [navigator.language]);
applyDocumentLanguage();

let current: { view: View; route: Route } | null = null;
let notifications: NotificationCenter | null = null;
let unsubscribeFeed: (() => void) | null = null;
/** clears the unread badge when the partner opens the notifications */
let markRead: () => void = () => undefined;
const api = new ApiClient(() => showLogin(true));
/** the account pages' calls without a session (invitation, password reset): never a bearer token, stale or not */
const publicApi = new ApiClient(() => undefined);

function applyDocumentLanguage(): void {
  document.documentElement.lang = i18n.language === 'zh' ? 'zh-CN' : i18n.language;
  document.title = t('app.title');
}

i18n.onChange(() => {
  applyDocumentLanguage();
  relocalize(document);
  current?.view.onLanguage?.();
});

function announce(key: MessageKey, params?: Params): void {
  const text = t(key, params);
  // a fresh node each time, so screen readers announce a repeated message too
  replaceChildren(announcer, h('p', {}, text));
  const toast = h('p', { className: 'toast' });
  setText(toast, key, params);
  toasts.appendChild(toast);
  while (toasts.childElementCount > PORTAL.maxToasts) {
    toasts.firstElementChild?.remove();
  }
  window.setTimeout(() => toast.remove(), PORTAL.toastMs);
}

function showLogin(expired: boolean): void {
  stopFeed();
  current?.view.destroy?.();
  current = null;
  const login = loginView(api, signedIn, expired);
  login.querySelector('.login-card')?.appendChild(h('p', { className: 'account-links' }, forgotPasswordLink()));
  replaceChildren(root, h('main', { id: 'main', tabindex: -1 }, languageSwitcher(), login));
  root.querySelector<HTMLInputElement>('#login-username')?.focus();
}

/** The pages of the mailed links and the forgotten-password form, session or not; false for every other hash. */
function showPublicPage(): boolean {
  const page = publicPage(location.hash);
  if (!page) {
    return false;
  }
  stopFeed();
  current?.view.destroy?.();
  current = null;
  replaceChildren(root, h('main', { id: 'main', tabindex: -1 }, languageSwitcher(), publicView(page, { api, publicApi, onSignedIn: signedIn })));
  const heading = root.querySelector<HTMLElement>('h1');
  if (heading) {
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }
  return true;
}

function signedIn(session: StoredSession): void {
  startShell(session);
  if (!location.hash || !routeFor(location.hash, session.claims)) {
    location.hash = defaultRoute(session.claims)?.hash ?? '#/dashboard';
  } else {
    showRoute();
  }
}

function stopFeed(): void {
  unsubscribeFeed?.();
  unsubscribeFeed = null;
  notifications?.stop();
  notifications = null;
}

function defaultRoute(claims: Claims): Route | undefined {
  return ROUTES.find((r) => r.allowed(claims));
}

function routeFor(hash: string, claims: Claims): Route | undefined {
  return ROUTES.find((r) => r.hash === hash && r.allowed(claims));
}

function languageSwitcher(): HTMLElement {
  const select = h('select', { id: 'language-select', name: 'language' }, LANGUAGES.map((language) => {
    const option = tx(`language.${language}` as MessageKey, undefined, 'option');
    option.value = language;
    // each language's name in that language, whatever the page's language
    option.lang = language;
    return option;
  }));
  select.value = i18n.language;
  select.addEventListener('change', () => {
    if (isLanguage(select.value)) {
      i18n.set(select.value as Language);
      document.querySelectorAll<HTMLSelectElement>('#language-select').forEach((s) => { s.value = i18n.language; });
    }
  });
  const label = tx('language.label', undefined, 'label');
  label.htmlFor = 'language-select';
  return h('div', { className: 'language' }, label, select);
}

function startShell(session: StoredSession): void {
  const claims = session.claims;
  stopFeed();
  const liveState = h('span', { id: 'live-status', className: 'live-status', 'data-state': 'closed' });
  const unread = h('span', { id: 'unread-count', className: 'badge', hidden: true });
  if (isPartner(claims)) {
    notifications = new NotificationCenter(api);
    let count = 0;
    unsubscribeFeed = notifications.subscribe({
      onState: (state) => {
        liveState.dataset.state = state;
        setText(liveState, `live.${state}` as MessageKey);
      },
      onNotification: (notification) => {
        if (location.hash !== '#/notifications') {
          count += 1;
          unread.hidden = false;
          setText(unread, 'nav.unread', { count });
        }
        announce('live.newNotification', { subject: notification.subject });
      },
    });
    markRead = () => {
      count = 0;
      unread.hidden = true;
    };
    setText(liveState, 'live.connecting');
    void notifications.load().catch(() => undefined);
    notifications.start();
    void adoptPartnerLanguage();
  }
  const nav = h('nav', { 'aria-labelledby': 'nav-heading' },
    Object.assign(tx('nav.heading', undefined, 'h2'), { id: 'nav-heading', className: 'visually-hidden' }),
    h('ul', {}, ROUTES.filter((r) => r.allowed(claims)).map((route) => {
      const link = tx(route.label, undefined, 'a');
      link.href = route.hash;
      link.dataset.route = route.hash;
      return h('li', {}, link, route.hash === '#/notifications' ? unread : null);
    })));
  const signOut = tx('nav.signOut', undefined, 'button');
  signOut.type = 'button';
  signOut.id = 'sign-out';
  signOut.className = 'secondary';
  signOut.addEventListener('click', () => {
    void api.signOut().then(() => {
      location.hash = '';
      showLogin(false);
    });
  });
  const who = tx('nav.signedInAs', { user: claims.sub }, 'span');
  who.className = 'who';
  const skip = tx('nav.skip', undefined, 'a');
  skip.href = '#main';
  skip.className = 'skip-link';
  skip.addEventListener('click', (event) => {
    event.preventDefault();
    document.getElementById('main')?.focus();
  });
  const brand = h('p', { className: 'brand' }, tx('app.name'));
  replaceChildren(root,
    skip,
    h('header', { className: 'top' },
      h('div', { className: 'top-row' }, brand, h('div', { className: 'top-tools' }, isPartner(claims) ? liveState : null, who, languageSwitcher(), signOut)),
      nav),
    h('main', { id: 'main', tabindex: -1 }));
  setAttr(root.querySelector('main') as HTMLElement, 'aria-label', 'app.main');
}

/** Before the user chooses a language, the page speaks the one the partner registered with. */
async function adoptPartnerLanguage(): Promise<void> {
  if (i18n.hasStoredChoice()) {
    return;
  }
  try {
    const partner = await api.get<Partner>('/api/partners/me');
    if (isLanguage(partner.language) && !i18n.hasStoredChoice()) {
      i18n.set(partner.language, false);
      document.querySelectorAll<HTMLSelectElement>('#language-select').forEach((s) => { s.value = i18n.language; });
    }
  } catch {
    // the browser's language stays
  }
}

function showRoute(): void {
  const session = api.current;
  if (!session) {
    showLogin(false);
    return;
  }
  const main = root.querySelector<HTMLElement>('main#main');
  if (!main || !root.querySelector('header.top')) {
    startShell(session);
    return showRoute();
  }
  const route = routeFor(location.hash, session.claims) ?? defaultRoute(session.claims);
  if (!route) {
    replaceChildren(main, tx('app.noViews', undefined, 'p'));
    return;
  }
  if (location.hash !== route.hash) {
    history.replaceState(null, '', route.hash);
  }
  current?.view.destroy?.();
  const view = route.view({ api, claims: session.claims, notifications, announce });
  current = { view, route };
  replaceChildren(main, view.element);
  root.querySelectorAll<HTMLAnchorElement>('nav a').forEach((link) => {
    if (link.dataset.route === route.hash) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  });
  // a new view: focus its heading, as a page load would for screen readers
  const heading = main.querySelector<HTMLElement>('h1');
  if (heading) {
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }
}

window.addEventListener('hashchange', () => {
  if (location.hash === '#main') {
    return;
  }
  if (location.hash === '#/notifications') {
    markRead();
  }
  if (showPublicPage()) {
    return;
  }
  showRoute();
});

const restored = loadSession();
if (restored && (restored.refreshToken || (restored.claims.exp ?? 0) * 1000 > Date.now())) {
  api.use(restored);
  if (!showPublicPage()) {
    signedIn(restored);
  }
} else if (!showPublicPage()) {
  showLogin(false);
}
