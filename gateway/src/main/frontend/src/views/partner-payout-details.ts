/**
 * Where the partner's payouts go: account holder, IBAN and (optional) BIC (GET/PUT /api/payout-details/{partnerId};
 * none yet is a 404). The IBAN is checked in the page first (format and check digits), then by the service.
 */
import type { PayoutDetails, PayoutDetailsRequest } from '../api/account-types';
import { ApiError } from '../api/problem';
import type { AppContext } from '../app-context';
import { formatIban, ibanProblem } from '../format/account';
import { h, replaceChildren } from '../ui/dom';
import { Form } from '../ui/forms';
import { dateTime, tx } from '../ui/l10n';
import { fieldProblem, onField } from './account-common';
import { loading, problemPanel, section } from './components';

export function payoutDetailsSection(ctx: AppContext, partnerId: string): { element: HTMLElement } {
  const box = h('div', { 'aria-busy': 'true' }, loading());
  const path = `/api/payout-details/${encodeURIComponent(partnerId)}`;
  void ctx.api.get<PayoutDetails>(path)
    .then((details) => replaceChildren(box, ...payoutForm(ctx, path, details)))
    .catch((error) => {
      if (error instanceof ApiError && error.status === 404) {
        replaceChildren(box, ...payoutForm(ctx, path, null));
      } else {
        replaceChildren(box, problemPanel(error));
      }
    })
    .finally(() => box.setAttribute('aria-busy', 'false'));
  return { element: section('payout-details', 'profile.payout.heading', box) };
}

function current(details: PayoutDetails | null): HTMLElement {
  if (!details) {
    const none = tx('profile.payout.none', undefined, 'p');
    none.id = 'payout-current';
    none.className = 'notice';
    return none;
  }
  return h('dl', { className: 'facts', id: 'payout-current' },
    h('dt', {}, tx('profile.payout.holder')), h('dd', {}, details.accountHolder),
    h('dt', {}, tx('profile.payout.iban')), h('dd', { className: 'iban', 'data-testid': 'payout-current-iban' }, formatIban(details.iban)),
    details.bic ? [h('dt', {}, tx('profile.payout.bic')), h('dd', {}, details.bic)] : null,
    details.updatedAt ? [h('dt', {}, tx('profile.payout.updated')), h('dd', {}, dateTime(details.updatedAt))] : null);
}

function payoutForm(ctx: AppContext, path: string, details: PayoutDetails | null): HTMLElement[] {
  const summary = h('div', {}, current(details));
  const form = new Form({
    id: 'payout-form',
    fields: [
      { name: 'accountHolder', id: 'payout-holder', label: 'profile.payout.holder', required: true, maxLength: 70, value: details?.accountHolder ?? '', autocomplete: 'cc-name' },
      { name: 'iban', id: 'payout-iban', label: 'profile.payout.iban', required: true, maxLength: 42, value: formatIban(details?.iban), autocomplete: 'off', hint: 'profile.payout.ibanHint' },
      { name: 'bic', id: 'payout-bic', label: 'profile.payout.bicOptional', maxLength: 11, value: details?.bic ?? '', autocomplete: 'off' },
    ],
    submit: 'profile.payout.save',
    onSubmit: async (values) => {
      const problem = ibanProblem(values.iban);
      if (problem) {
        throw fieldProblem([{ field: 'iban', key: problem === 'format' ? 'profile.payout.ibanFormat' : 'profile.payout.ibanChecksum' }]);
      }
      const request: PayoutDetailsRequest = { accountHolder: values.accountHolder, iban: values.iban, bic: values.bic || null };
      let saved: PayoutDetails;
      try {
        saved = await ctx.api.put<PayoutDetails>(path, request);
      } catch (error) {
        throw onField(onField(error, 'invalid-iban', 'iban', 'profile.payout.ibanInvalid'), 'invalid-bic', 'bic', 'profile.payout.bicInvalid');
      }
      replaceChildren(summary, current(saved));
      form.set('iban', formatIban(saved.iban));
      form.set('bic', saved.bic ?? '');
      return 'profile.payout.saved';
    },
  });
  return [summary, form.element];
}
