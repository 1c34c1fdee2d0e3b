/**
 * `#/profile`, the partner's own account: name, e-mail address and language (PUT /api/partners/{partnerId}, which
 * notification-service follows through partner-updated), where payouts go (IBAN), and the tax profile with the
 * self-billing agreement.
 */
import type { PartnerUpdate } from '../api/account-types';
import type { Partner } from '../api/types';
import type { AppContext, View } from '../app-context';
import { LANGUAGES, type MessageKey, i18n, isLanguage } from '../i18n/i18n';
import { h, replaceChildren } from '../ui/dom';
import { Form } from '../ui/forms';
import { tx } from '../ui/l10n';
import { loading, problemPanel, section } from './components';
import { payoutDetailsSection } from './partner-payout-details';
import { taxProfileSection } from './partner-tax-profile';

export function profileView(ctx: AppContext): View {
  const partnerId = ctx.claims.partnerId ?? '';
  const detailsBox = h('div', { 'aria-busy': 'true' }, loading());
  const payout = payoutDetailsSection(ctx, partnerId);
  const tax = taxProfileSection(ctx, partnerId);
  const page = h('div', { className: 'profile' },
    h('h1', {}, tx('profile.title')),
    section('profile-details', 'profile.details.heading', detailsBox),
    payout.element,
    tax.element);

  void ctx.api.get<Partner>('/api/partners/me')
    .then((partner) => replaceChildren(detailsBox, detailsForm(ctx, partnerId, partner).element))
    .catch((error) => replaceChildren(detailsBox, problemPanel(error)))
    .finally(() => detailsBox.setAttribute('aria-busy', 'false'));

  return { element: page, onLanguage: () => tax.onLanguage() };
}

function detailsForm(ctx: AppContext, partnerId: string, partner: Partner): Form {
  return new Form({
    id: 'profile-form',
    fields: [
      { name: 'name', id: 'profile-name', label: 'profile.details.name', required: true, value: partner.name, maxLength: 200, autocomplete: 'organization' },
      { name: 'email', id: 'profile-email', label: 'profile.details.email', type: 'email', required: true, value: partner.email, maxLength: 254, autocomplete: 'email', hint: 'profile.details.emailHint' },
      {
        name: 'language', id: 'profile-language', label: 'profile.details.language', type: 'select', required: true,
        value: partner.language, hint: 'profile.details.languageHint',
        options: LANGUAGES.map((language) => ({ value: language, label: `language.${language}` as MessageKey })),
      },
    ],
    submit: 'profile.details.save',
    onSubmit: async (values) => {
      const update: PartnerUpdate = { name: values.name, email: values.email, language: values.language };
      const saved = await ctx.api.put<Partner>(`/api/partners/${encodeURIComponent(partnerId)}`, update);
      // until someone picks a language in the page, it speaks the partner's registered one
      if (saved && isLanguage(saved.language) && !i18n.hasStoredChoice()) {
        i18n.set(saved.language, false);
        document.querySelectorAll<HTMLSelectElement>('#language-select').forEach((s) => { s.value = i18n.language; });
      }
      return 'profile.details.saved';
    },
  });
}
