/**
 * Commission plans (FINANCE): every plan's current version, a plan edited (tiers, override rate, cap per referral,
 * hold days, minimum payout) and published as a new version, a plan assigned to a partner (found by name), and the
 * terms of one deal (a referral of that partner) before its contract is signed.
 */
import type { CommissionPlan, DealTerms, PlanAssignment, PlanRequest, Tier } from '../api/finance-types';
import type { Page, Partner } from '../api/types';
import { CURRENCIES } from '../api/types';
import type { AppContext, View } from '../app-context';
import { formatAmountsPerCurrency, parseAmountsPerCurrency, percentToRate, rateToPercent, sortedTiers } from '../format/finance';
import { formatRate } from '../format/format';
import { i18n, type MessageKey } from '../i18n/i18n';
import { ApiError } from '../api/problem';
import { h, replaceChildren } from '../ui/dom';
import { field } from '../ui/forms';
import { dateTime, money, setText, tx } from '../ui/l10n';
import { loading, section, table } from './components';
import { referralSelect } from './finance-adjustments';
import { FinanceForm, button, facts, financeProblem, loadPartners, pageHeading, partnerPicker } from './finance-common';

const PLAN_ID = /^[A-Za-z0-9._-]{1,64}$/;

function amountsText(amounts: CommissionPlan['capPerReferral']): Node {
  return amounts?.length ? h('span', {}, amounts.map((m, i) => [i > 0 ? ', ' : null, money(m)])) : tx('finance.plan.noneSet');
}

function tiersText(tiers: Tier[]): Node {
  return h('ul', { className: 'plain-list' }, sortedTiers(tiers).map((tier) =>
    h('li', {}, tx('finance.plan.tierLine', { from: tier.fromContracts, rate: formatRate(tier.rate, i18n.language) }))));
}

export function financePlansView(ctx: AppContext): View {
  const plansBox = h('div', { 'aria-busy': 'true' }, loading());
  const assignBox = h('div', {}, loading());
  const termsBox = h('div', {}, loading());
  let plans: CommissionPlan[] = [];

  // ---- the plan editor: tiers as rows, the rest as fields
  const tierRows = h('div', { className: 'tier-rows', id: 'finance-plan-tiers' });
  let tierCounter = 0;
  function addTier(tier?: Tier): void {
    tierCounter += 1;
    const n = tierCounter;
    const from = field({ name: `tierFrom${n}`, id: `finance-plan-tier-from-${n}`, label: 'finance.plan.tierFrom', type: 'number', required: true, value: String(tier?.fromContracts ?? (tierRows.childElementCount === 0 ? 1 : '')), inputmode: 'numeric' });
    from.control.setAttribute('min', '1');
    const rate = field({ name: `tierRate${n}`, id: `finance-plan-tier-rate-${n}`, label: 'finance.plan.tierRate', required: true, value: tier ? rateToPercent(tier.rate) : '', inputmode: 'decimal' });
    const remove = button('finance.plan.removeTier', () => {
      row.remove();
      tierRows.querySelector<HTMLInputElement>('input')?.focus();
    }, { ariaLabel: 'finance.plan.removeTierNamed', ariaParams: { n } });
    const row = h('fieldset', { className: 'tier-row', 'data-tier': n }, tx('finance.plan.tier', undefined, 'legend'), from.wrapper, rate.wrapper, remove);
    tierRows.append(row);
  }

  const editor = new FinanceForm({
    id: 'finance-plan-form',
    fields: [
      { name: 'planId', id: 'finance-plan-id', label: 'finance.plan.id', required: true, maxLength: 64, hint: 'finance.plan.idHint' },
      { name: 'overrideRate', id: 'finance-plan-override', label: 'finance.plan.override', required: true, value: '0', inputmode: 'decimal', hint: 'finance.plan.percentHint' },
      { name: 'holdDays', id: 'finance-plan-hold', label: 'finance.plan.holdDays', type: 'number', required: true, value: '0', inputmode: 'numeric' },
      { name: 'capPerReferral', id: 'finance-plan-cap', label: 'finance.plan.cap', hint: 'finance.plan.amountsHint' },
      { name: 'minimumPayout', id: 'finance-plan-minimum', label: 'finance.plan.minimum', hint: 'finance.plan.amountsHint' },
    ],
    submit: 'finance.plan.publish',
    onSubmit: async (values) => {
      const invalid = (name: string, key: MessageKey, params?: Record<string, string>): null => {
        const f = editor.fields.get(name);
        const control = f?.control ?? tierRows.querySelector<HTMLInputElement>(`[name="${name}"]`);
        const error = f?.error ?? control?.parentElement?.querySelector<HTMLElement>('.field-error');
        if (error) {
          error.hidden = false;
          setText(error, key, params);
        }
        control?.setAttribute('aria-invalid', 'true');
        control?.focus();
        return null;
      };
      if (!PLAN_ID.test(values.planId)) {
        return invalid('planId', 'finance.plan.idInvalid');
      }
      const tiers: Tier[] = [];
      for (const row of tierRows.querySelectorAll<HTMLElement>('.tier-row')) {
        const [fromInput, rateInput] = [...row.querySelectorAll<HTMLInputElement>('input')];
        const from = Number(fromInput.value);
        if (!Number.isInteger(from) || from < 1) {
          return invalid(fromInput.name, 'finance.plan.tierFromInvalid');
        }
        const rate = percentToRate(rateInput.value);
        if (rate === null) {
          return invalid(rateInput.name, 'finance.plan.percentInvalid');
        }
        tiers.push({ fromContracts: from, rate });
      }
      if (tiers.length === 0) {
        return invalid('planId', 'finance.plan.needTier');
      }
      const overrideRate = percentToRate(values.overrideRate);
      if (overrideRate === null) {
        return invalid('overrideRate', 'finance.plan.percentInvalid');
      }
      const holdDays = Number(values.holdDays);
      if (!Number.isInteger(holdDays) || holdDays < 0) {
        return invalid('holdDays', 'form.invalid');
      }
      const cap = parseAmountsPerCurrency(values.capPerReferral);
      if ('problem' in cap) {
        return invalid('capPerReferral', `finance.plan.amounts.${cap.problem}`, { part: cap.part });
      }
      const minimum = parseAmountsPerCurrency(values.minimumPayout);
      if ('problem' in minimum) {
        return invalid('minimumPayout', `finance.plan.amounts.${minimum.problem}`, { part: minimum.part });
      }
      const body: PlanRequest = { tiers: sortedTiers(tiers), overrideRate, holdDays, capPerReferral: cap.amounts, minimumPayout: minimum.amounts };
      const saved = await ctx.api.put<CommissionPlan>(`/api/commission-plans/${encodeURIComponent(values.planId)}`, body);
      ctx.announce('finance.plan.published', { plan: saved.planId, version: saved.version });
      await loadPlans();
      return { key: 'finance.plan.published', params: { plan: saved.planId, version: saved.version } };
    },
    extra: [h('div', {},
      tx('finance.plan.tiers', undefined, 'h3'),
      tx('finance.plan.tiersHint', undefined, 'p'),
      tierRows,
      button('finance.plan.addTier', () => {
        addTier();
        tierRows.lastElementChild?.querySelector<HTMLInputElement>('input')?.focus();
      }, { testId: 'finance-plan-add-tier' }))],
  });
  editor.element.querySelector('button[type=submit]')?.setAttribute('data-testid', 'finance-plan-publish');
  addTier({ fromContracts: 1, rate: '0.10' });

  function edit(plan: CommissionPlan | null): void {
    editor.clear();
    editor.set('planId', plan?.planId ?? '');
    editor.set('overrideRate', rateToPercent(plan?.overrideRate ?? '0'));
    editor.set('holdDays', String(plan?.holdDays ?? 0));
    editor.set('capPerReferral', formatAmountsPerCurrency(plan?.capPerReferral));
    editor.set('minimumPayout', formatAmountsPerCurrency(plan?.minimumPayout));
    (editor.fields.get('planId')!.control as HTMLInputElement).readOnly = plan !== null;
    replaceChildren(tierRows);
    (plan ? sortedTiers(plan.tiers) : [{ fromContracts: 1, rate: '0.10' }]).forEach((tier) => addTier(tier));
    setText(editorHeading, plan ? 'finance.plan.editing' : 'finance.plan.new', plan ? { plan: plan.planId, version: plan.version } : undefined);
    editorHeading.focus();
  }

  const editorHeading = tx('finance.plan.new', undefined, 'h3');
  editorHeading.tabIndex = -1;
  editorHeading.id = 'finance-plan-editor-heading';

  async function loadPlans(): Promise<void> {
    try {
      const answer = await ctx.api.get<Page<CommissionPlan>>('/api/commission-plans');
      plans = [...(answer.items ?? [])].sort((a, b) => a.planId.localeCompare(b.planId));
      const rows = plans.map((plan) => h('tr', { 'data-plan-id': plan.planId },
        h('th', { scope: 'row' }, plan.planId, ' ', tx('finance.plan.version', { version: plan.version })),
        h('td', {}, tiersText(plan.tiers)),
        h('td', {}, formatRate(plan.overrideRate, i18n.language)),
        h('td', {}, amountsText(plan.capPerReferral)),
        h('td', {}, tx('finance.plan.days', { days: plan.holdDays })),
        h('td', {}, amountsText(plan.minimumPayout)),
        h('td', {}, dateTime(plan.publishedAt)),
        h('td', {}, button('finance.plan.edit', () => edit(plan), {
          testId: `finance-plan-edit-${plan.planId}`, ariaLabel: 'finance.plan.editNamed', ariaParams: { plan: plan.planId },
        }))));
      replaceChildren(plansBox,
        table('finance-plan-table', 'finance.plan.list', [
          'finance.plan.id', 'finance.plan.tiers', 'finance.plan.overrideShort', 'finance.plan.cap', 'finance.plan.holdDays',
          'finance.plan.minimum', 'finance.plan.publishedAt', 'finance.actions',
        ], rows, 'finance.plan.none'),
        h('div', { className: 'form-actions' }, button('finance.plan.newButton', () => edit(null), { testId: 'finance-plan-new' })));
      refreshPlanOptions();
    } catch (error) {
      replaceChildren(plansBox, financeProblem(error));
    } finally {
      plansBox.setAttribute('aria-busy', 'false');
    }
  }

  // ---- assignment of a plan to a partner
  let assignPartner = '';
  const planSelect = field({ name: 'planId', id: 'finance-assign-plan', label: 'finance.plan.label', type: 'select', required: true, options: [] });
  planSelect.control.dataset.testid = 'finance-assign-plan';
  const currentPlan = h('p', { id: 'finance-assign-current', 'aria-live': 'polite' });
  function refreshPlanOptions(): void {
    const select = planSelect.control as HTMLSelectElement;
    const previous = select.value;
    const choose = tx('finance.plan.choose', undefined, 'option');
    choose.value = '';
    replaceChildren(select, choose, plans.map((plan) => h('option', { value: plan.planId }, plan.planId)));
    select.value = plans.some((p) => p.planId === previous) ? previous : '';
  }
  const assignForm = new FinanceForm({
    id: 'finance-assign-form',
    fields: [],
    submit: 'finance.plan.assign',
    extra: [planSelect.wrapper, currentPlan],
    onSubmit: async () => {
      const planId = (planSelect.control as HTMLSelectElement).value;
      if (!assignPartner || !planId) {
        return { key: 'finance.plan.assignNeeds' };
      }
      await ctx.api.put<PlanAssignment>(`/api/partner-plans/${encodeURIComponent(assignPartner)}`, { planId });
      await showAssignment();
      return { key: 'finance.plan.assigned', params: { plan: planId } };
    },
  });
  assignForm.element.querySelector('button[type=submit]')?.setAttribute('data-testid', 'finance-plan-assign');

  async function showAssignment(): Promise<void> {
    if (!assignPartner) {
      replaceChildren(currentPlan);
      return;
    }
    try {
      const assignment = await ctx.api.get<PlanAssignment>(`/api/partner-plans/${encodeURIComponent(assignPartner)}`);
      setText(currentPlan, 'finance.plan.current', { plan: assignment?.planId ?? '—' });
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) {
        setText(currentPlan, 'finance.plan.current', { plan: '—' });
      } else {
        replaceChildren(currentPlan, financeProblem(error));
      }
    }
  }

  // ---- per-deal terms
  let termsPartner = '';
  const termsReferral = referralSelect('finance-terms-referral', 'finance.referral.label');
  const termsNow = h('div', { id: 'finance-terms-current', 'aria-live': 'polite' });
  const termsForm = new FinanceForm({
    id: 'finance-terms-form',
    fields: [
      { name: 'kind', id: 'finance-terms-kind', label: 'finance.terms.kind', type: 'select', value: 'rate', options: [{ value: 'rate', label: 'finance.terms.rate' }, { value: 'flatFee', label: 'finance.terms.flatFee' }] },
      { name: 'rate', id: 'finance-terms-rate', label: 'finance.terms.ratePercent', inputmode: 'decimal', apiFields: ['rate'] },
      { name: 'flatFee', id: 'finance-terms-fee', label: 'finance.terms.flatFeeAmount', inputmode: 'decimal', apiFields: ['flatFee', 'flatFee.amount'] },
      { name: 'cap', id: 'finance-terms-cap', label: 'finance.terms.cap', inputmode: 'decimal', hint: 'finance.terms.capHint', apiFields: ['cap', 'cap.amount'] },
      { name: 'currency', id: 'finance-terms-currency', label: 'finance.currency', type: 'select', value: 'EUR', options: CURRENCIES.map((c) => ({ value: c, text: c })) },
      { name: 'reason', id: 'finance-terms-reason', label: 'finance.reason', type: 'textarea', required: true, maxLength: 2000 },
    ],
    submit: 'finance.terms.save',
    onSubmit: async (values) => {
      const referralId = termsReferral.select.value;
      if (!referralId) {
        termsReferral.select.setAttribute('aria-invalid', 'true');
        termsReferral.select.focus();
        return { key: 'finance.terms.needsReferral' };
      }
      const body: Record<string, unknown> = { reason: values.reason };
      if (values.kind === 'rate') {
        const rate = percentToRate(values.rate);
        if (rate === null) {
          const f = termsForm.fields.get('rate')!;
          f.error.hidden = false;
          setText(f.error, 'finance.plan.percentInvalid');
          f.control.setAttribute('aria-invalid', 'true');
          f.control.focus();
          return null;
        }
        body.rate = rate;
      } else {
        body.flatFee = { amount: values.flatFee.replace(',', '.'), currency: values.currency };
      }
      if (values.cap) {
        body.cap = { amount: values.cap.replace(',', '.'), currency: values.currency };
      }
      const terms = await ctx.api.put<DealTerms>(`/api/deal-terms/${encodeURIComponent(referralId)}`, body);
      showTerms(terms);
      return 'finance.terms.saved';
    },
  });
  termsForm.element.querySelector('button[type=submit]')?.setAttribute('data-testid', 'finance-terms-save');
  const kind = termsForm.fields.get('kind')!.control;
  const syncKind = () => {
    termsForm.fields.get('rate')!.wrapper.hidden = kind.value !== 'rate';
    termsForm.fields.get('flatFee')!.wrapper.hidden = kind.value === 'rate';
  };
  kind.addEventListener('change', syncKind);
  syncKind();

  function showTerms(terms: DealTerms | null): void {
    if (!terms) {
      replaceChildren(termsNow, tx('finance.terms.none', undefined, 'p'));
      return;
    }
    replaceChildren(termsNow, facts([
      ['finance.terms.agreed', terms.rate ? formatRate(terms.rate, i18n.language) : money(terms.flatFee ?? null)],
      ['finance.terms.cap', terms.cap ? money(terms.cap) : tx('finance.plan.noneSet')],
      ['finance.reason', terms.reason ?? '—'],
      ['finance.terms.agreedBy', h('span', {}, terms.agreedBy ?? '—', ' · ', dateTime(terms.agreedAt))],
      ['finance.terms.locked', tx(terms.locked ? 'finance.terms.lockedYes' : 'finance.terms.lockedNo')],
    ]));
  }

  termsReferral.select.addEventListener('change', async () => {
    const referralId = termsReferral.select.value;
    termsForm.clear();
    if (!referralId) {
      replaceChildren(termsNow);
      return;
    }
    try {
      showTerms(await ctx.api.get<DealTerms>(`/api/deal-terms/${encodeURIComponent(referralId)}`));
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) {
        showTerms(null);
      } else {
        replaceChildren(termsNow, financeProblem(error));
      }
    }
  });
  termsForm.element.prepend(termsReferral.element, termsNow);

  const page = h('div', { className: 'finance' },
    pageHeading('finance.plans.title', 'finance.plans.intro'),
    section('finance-plans', 'finance.plan.list', plansBox),
    section('finance-plan-editor', 'finance.plan.editor', editorHeading, editor.element),
    section('finance-plan-assign', 'finance.plan.assignTitle', assignBox),
    section('finance-deal-terms', 'finance.terms.title', tx('finance.terms.intro', undefined, 'p'), termsBox));

  async function start(): Promise<void> {
    await loadPlans();
    let partners: Partner[] = [];
    try {
      partners = await loadPartners(ctx.api);
    } catch (error) {
      replaceChildren(assignBox, financeProblem(error));
      replaceChildren(termsBox, financeProblem(error));
      return;
    }
    const assignPicker = partnerPicker({
      id: 'finance-assign-partner', partners, onChange: (id) => {
        assignPartner = id;
        assignForm.clear();
        void showAssignment();
      },
    });
    assignForm.element.prepend(assignPicker.element);
    replaceChildren(assignBox, assignForm.element);
    const termsPicker = partnerPicker({
      id: 'finance-terms-partner', partners, onChange: (id) => {
        termsPartner = id;
        replaceChildren(termsNow);
        void termsReferral.load(ctx.api, termsPartner).catch((error: unknown) => replaceChildren(termsNow, financeProblem(error)));
      },
    });
    termsForm.element.prepend(termsPicker.element);
    replaceChildren(termsBox, termsForm.element);
  }

  void start();
  return { element: page };
}
