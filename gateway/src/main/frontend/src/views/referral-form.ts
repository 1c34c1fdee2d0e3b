/** "Refer a client": POST /api/referrals. Duplicate and self-referral refusals are the answers partners must understand. */
import { IdempotentSubmission } from '../api/client';
import type { Referral } from '../api/types';
import { CURRENCIES } from '../api/types';
import type { AppContext } from '../app-context';
import { Form } from '../ui/forms';

export function referralForm(ctx: AppContext, onCreated: (referral: Referral) => void, partnerId?: () => string | null): Form {
  const submission = new IdempotentSubmission();
  const form: Form = new Form({
    id: 'referral-form',
    fields: [
      { name: 'company', id: 'ref-company', label: 'referral.form.company', required: true, autocomplete: 'organization', maxLength: 200, apiFields: ['client.company', 'company'] },
      { name: 'contactName', id: 'ref-contact-name', label: 'referral.form.contactName', required: true, autocomplete: 'off', maxLength: 200, apiFields: ['client.contactName', 'contactName'] },
      { name: 'contactEmail', id: 'ref-contact-email', label: 'referral.form.contactEmail', type: 'email', required: true, autocomplete: 'off', maxLength: 254, apiFields: ['client.contactEmail', 'contactEmail'] },
      { name: 'description', id: 'ref-description', label: 'referral.form.description', type: 'textarea', required: true, maxLength: 5000 },
      { name: 'amount', id: 'ref-amount', label: 'referral.form.estimatedValue', inputmode: 'decimal', pattern: '^[0-9]+([.][0-9]+)?$', hint: 'referral.form.estimatedHint', apiFields: ['estimatedValue', 'estimatedValue.amount'] },
      { name: 'currency', id: 'ref-currency', label: 'referral.form.currency', type: 'select', value: 'EUR', options: CURRENCIES.map((c) => ({ value: c, text: c })), apiFields: ['estimatedValue.currency'] },
    ],
    submit: 'referral.form.submit',
    onSubmit: async (values) => {
      const body: Record<string, unknown> = {
        client: { company: values.company, contactName: values.contactName, contactEmail: values.contactEmail },
        description: values.description,
      };
      if (values.amount) {
        body.estimatedValue = { amount: values.amount, currency: values.currency };
      }
      const forPartner = partnerId?.();
      if (forPartner) {
        body.partnerId = forPartner;
      }
      try {
        const created = await ctx.api.post<Referral>('/api/referrals', body, { idempotencyKey: submission.keyFor(body) });
        submission.settled();
        form.reset();
        onCreated(created);
        return { key: 'referral.form.created', params: { company: created.client?.company ?? values.company } };
      } catch (error) {
        if (!(error instanceof Error && error.name === 'ApiError' && (error as { status?: number }).status === 0)) {
          submission.settled(); // answered: a new attempt is a new submission
        }
        throw error;
      }
    },
  });
  return form;
}
