/**
 * The partner's tax profile (GET/PUT /api/tax-profiles/{partnerId}; none yet is a 404): legal name, address, VAT
 * registration and id, the supplier block of its self-billing invoices. The self-billing agreement is shown in full
 * to be read; accepting it is a checkbox of the same form, and the service records who accepted and when.
 * Unticking it withdraws the acceptance (payouts then wait).
 */
import type { TaxProfile, TaxProfileRequest } from '../api/account-types';
import { ApiError } from '../api/problem';
import type { AppContext } from '../app-context';
import { countryOptions } from '../format/account';
import { formatDateTime } from '../format/format';
import { type MessageKey, i18n } from '../i18n/i18n';
import { h, replaceChildren } from '../ui/dom';
import { Form } from '../ui/forms';
import { setText, tx } from '../ui/l10n';
import { loading, problemPanel, section } from './components';

/** The agreement, paragraph by paragraph, in the page's language. */
export const SELF_BILLING_PARAGRAPHS: MessageKey[] = [
  'profile.selfBilling.p1', 'profile.selfBilling.p2', 'profile.selfBilling.p3', 'profile.selfBilling.p4', 'profile.selfBilling.p5',
];

export function taxProfileSection(ctx: AppContext, partnerId: string): { element: HTMLElement; onLanguage(): void } {
  const box = h('div', { 'aria-busy': 'true' }, loading());
  const path = `/api/tax-profiles/${encodeURIComponent(partnerId)}`;
  let relabel: () => void = () => undefined;
  void ctx.api.get<TaxProfile>(path)
    .catch((error) => {
      if (error instanceof ApiError && error.status === 404) {
        return null;
      }
      throw error;
    })
    .then((profile) => {
      const built = taxForm(ctx, path, profile);
      relabel = built.relabel;
      replaceChildren(box, built.form.element);
    })
    .catch((error) => replaceChildren(box, problemPanel(error)))
    .finally(() => box.setAttribute('aria-busy', 'false'));
  return { element: section('tax-profile', 'profile.tax.heading', box), onLanguage: () => relabel() };
}

function acceptanceLine(line: HTMLElement, profile: TaxProfile | null): void {
  const accepted = Boolean(profile?.selfBillingAccepted);
  line.dataset.accepted = String(accepted);
  if (accepted && profile?.selfBillingAcceptedAt) {
    setText(line, 'profile.selfBilling.acceptedBy', {
      user: profile.selfBillingAcceptedBy ?? '—',
      date: formatDateTime(profile.selfBillingAcceptedAt, i18n.language),
    });
  } else {
    setText(line, accepted ? 'profile.selfBilling.accepted' : 'profile.selfBilling.notAccepted');
  }
}

function taxForm(ctx: AppContext, path: string, profile: TaxProfile | null): { form: Form; relabel(): void } {
  let saved = profile;
  const countries = countryOptions(i18n.language);
  const form = new Form({
    id: 'tax-form',
    fields: [
      { name: 'legalName', id: 'tax-legal-name', label: 'profile.tax.legalName', required: true, maxLength: 140, value: profile?.legalName ?? '', autocomplete: 'organization', hint: 'profile.tax.legalNameHint' },
      { name: 'line1', id: 'tax-line1', label: 'profile.tax.line1', required: true, maxLength: 70, value: profile?.address.line1 ?? '', autocomplete: 'address-line1', apiFields: ['address.line1'] },
      { name: 'line2', id: 'tax-line2', label: 'profile.tax.line2', maxLength: 70, value: profile?.address.line2 ?? '', autocomplete: 'address-line2', apiFields: ['address.line2'] },
      { name: 'postalCode', id: 'tax-postal-code', label: 'profile.tax.postalCode', required: true, maxLength: 16, value: profile?.address.postalCode ?? '', autocomplete: 'postal-code', apiFields: ['address.postalCode'] },
      { name: 'city', id: 'tax-city', label: 'profile.tax.city', required: true, maxLength: 35, value: profile?.address.city ?? '', autocomplete: 'address-level2', apiFields: ['address.city'] },
      {
        name: 'country', id: 'tax-country', label: 'profile.tax.country', type: 'select', required: true,
        value: profile?.address.country ?? '', apiFields: ['address.country', 'address'],
        options: [{ value: '', label: 'profile.tax.chooseCountry' }, ...countries.map((c) => ({ value: c.code, text: c.name }))],
      },
      { name: 'vatRegistered', id: 'tax-vat-registered', label: 'profile.tax.vatRegistered', type: 'checkbox', value: profile?.vatRegistered ?? false },
      { name: 'vatId', id: 'tax-vat-id', label: 'profile.tax.vatId', maxLength: 30, value: profile?.vatId ?? '', autocomplete: 'off', hint: 'profile.tax.vatIdHint' },
      { name: 'selfBillingAccepted', id: 'tax-self-billing', label: 'profile.selfBilling.accept', type: 'checkbox', value: profile?.selfBillingAccepted ?? false },
    ],
    submit: 'profile.tax.save',
    onSubmit: async (values, checks) => {
      const request: TaxProfileRequest = {
        legalName: values.legalName,
        address: {
          line1: values.line1, line2: values.line2 || null, city: values.city, postalCode: values.postalCode, country: values.country,
        },
        vatId: values.vatId || null,
        vatRegistered: checks.vatRegistered,
        selfBillingAccepted: checks.selfBillingAccepted,
      };
      saved = await ctx.api.put<TaxProfile>(path, request);
      acceptanceLine(status, saved);
      form.set('vatId', saved.vatId ?? '');
      return saved.selfBillingAccepted ? 'profile.tax.savedAccepted' : 'profile.tax.savedNotAccepted';
    },
  });

  const agreementTitle = tx('profile.selfBilling.heading', undefined, 'legend');
  agreementTitle.id = 'self-billing-heading';
  const agreement = h('div', {
    id: 'self-billing-agreement', className: 'agreement', tabindex: 0, role: 'region', 'aria-labelledby': agreementTitle.id,
  }, SELF_BILLING_PARAGRAPHS.map((key) => tx(key, undefined, 'p')));
  const status = h('p', { id: 'self-billing-status', className: 'acceptance', role: 'status' });
  acceptanceLine(status, profile);
  const acceptBox = form.fields.get('selfBillingAccepted')?.wrapper;
  const fieldset = h('fieldset', { className: 'self-billing' }, agreementTitle, agreement, status);
  acceptBox?.replaceWith(fieldset);
  if (acceptBox) {
    fieldset.appendChild(acceptBox);
  }

  const relabel = (): void => {
    const select = form.fields.get('country')?.control as HTMLSelectElement | undefined;
    if (select) {
      const names = new Map(countryOptions(i18n.language).map((c) => [c.code, c.name]));
      [...select.options].forEach((option) => {
        if (option.value && names.has(option.value)) {
          option.textContent = names.get(option.value) ?? option.value;
        }
      });
    }
    acceptanceLine(status, saved);
  };
  return { form, relabel };
}
