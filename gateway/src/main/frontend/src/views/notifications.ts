/** The notification feed (live) and the partner's notification preferences (GET/PUT /api/notification-preferences/{id}). */
import type { NotificationPreferences, NotificationPreferencesRequest } from '../api/types';
import { ALWAYS_DELIVERED, NOTIFIED_EVENT_TYPES } from '../api/types';
import type { AppContext, View } from '../app-context';
import { LANGUAGES } from '../i18n/i18n';
import type { MessageKey } from '../i18n/i18n';
import { h, replaceChildren } from '../ui/dom';
import { Form, field } from '../ui/forms';
import { tx } from '../ui/l10n';
import { eventSlug, loading, notificationList, problemPanel, section } from './components';

export function notificationsView(ctx: AppContext): View {
  const partnerId = ctx.claims.partnerId ?? '';
  const feedBox = h('div', {}, notificationList(ctx.notifications?.all ?? []));
  const preferencesBox = h('div', { 'aria-busy': 'true' }, loading());
  const page = h('div', {},
    h('h1', {}, tx('notifications.title')),
    section('feed', 'notifications.feed', feedBox),
    section('preferences', 'preferences.heading', preferencesBox));

  const unsubscribe = ctx.notifications?.subscribe({
    onList: (all) => replaceChildren(feedBox, notificationList(all)),
    onNotification: () => replaceChildren(feedBox, notificationList(ctx.notifications?.all ?? [])),
  });
  void ctx.notifications?.load().catch((error) => replaceChildren(feedBox, problemPanel(error)));

  const path = `/api/notification-preferences/${encodeURIComponent(partnerId)}`;
  void ctx.api.get<NotificationPreferences>(path)
    .then((preferences) => replaceChildren(preferencesBox, preferencesForm(ctx, path, preferences).element))
    .catch((error) => replaceChildren(preferencesBox, problemPanel(error)))
    .finally(() => preferencesBox.setAttribute('aria-busy', 'false'));

  return { element: page, destroy: () => unsubscribe?.() };
}

function preferencesForm(ctx: AppContext, path: string, current: NotificationPreferences): Form {
  const mutable = NOTIFIED_EVENT_TYPES.filter((type) => !ALWAYS_DELIVERED.has(type));
  const muted = new Set(current.mutedEventTypes ?? []);
  const boxes = mutable.map((type) => field({
    name: `mute:${type}`, id: `mute-${eventSlug(type)}`, type: 'checkbox', value: muted.has(type),
    label: `event.${eventSlug(type)}` as MessageKey,
  }));
  const legend = tx('preferences.muted', undefined, 'legend');
  const mutedSet = h('fieldset', { className: 'checkbox-grid' }, legend,
    tx('preferences.mutedHint', undefined, 'p'), boxes.map((b) => b.wrapper));
  const form = new Form({
    id: 'preferences-form',
    fields: [
      { name: 'email', id: 'pref-email', type: 'checkbox', label: 'preferences.email', value: current.email !== false },
      {
        name: 'frequency', id: 'pref-frequency', type: 'select', label: 'preferences.frequency', value: current.frequency ?? 'IMMEDIATE',
        options: [{ value: 'IMMEDIATE', label: 'preferences.immediate' }, { value: 'DAILY_DIGEST', label: 'preferences.digest' }],
      },
      {
        name: 'language', id: 'pref-language', type: 'select', label: 'preferences.language', value: current.language ?? '',
        options: [{ value: '', label: 'preferences.languageDefault' }, ...LANGUAGES.map((l) => ({ value: l, label: `language.${l}` as MessageKey }))],
      },
      { name: 'webhookUrl', id: 'pref-webhook-url', type: 'url', label: 'preferences.webhookUrl', value: current.webhook?.url ?? '', hint: 'preferences.webhookHint', apiFields: ['webhook.url', 'webhook'] },
      { name: 'webhookSecret', id: 'pref-webhook-secret', type: 'password', label: 'preferences.webhookSecret', value: current.webhook?.secret ?? '', autocomplete: 'off', apiFields: ['webhook.secret'] },
    ],
    extra: [mutedSet],
    submit: 'preferences.save',
    onSubmit: async (values, checks) => {
      // only the fields of the contract (and language/time zone when the service has them): a strict server
      // refuses fields it does not know
      const body: NotificationPreferencesRequest = {
        email: checks.email,
        webhook: values.webhookUrl ? { url: values.webhookUrl, secret: values.webhookSecret } : null,
        frequency: values.frequency as NotificationPreferences['frequency'],
        mutedEventTypes: boxes.filter((b) => (b.control as HTMLInputElement).checked).map((b) => b.spec.name.slice('mute:'.length)),
      };
      if ('language' in current || values.language) {
        body.language = values.language || null;
      }
      if (current.timeZone) {
        body.timeZone = current.timeZone;
      }
      Object.assign(current, await ctx.api.put<NotificationPreferences>(path, body));
      return 'preferences.saved';
    },
  });
  return form;
}
