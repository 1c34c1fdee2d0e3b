/**
 * Operations' partners: find one by name or e-mail address, register a new one (with the partner who introduced
 * it, picked by name), invite a person to be its login (POST /auth/invitations: a mailed single-use link), and see
 * the partner's details, commission plan and referrals, each of which opens in the pipeline.
 */
import type { Page, Partner } from '../api/types';
import { LANGUAGES } from '../i18n/i18n';
import type { DealReferral, InvitationView, PlanAssignment, PlanVersion } from '../api/ops-types';
import type { AppContext, View } from '../app-context';
import { ApiError } from '../api/problem';
import { formatRate } from '../format/format';
import type { MessageKey } from '../i18n/i18n';
import { h, replaceChildren } from '../ui/dom';
import { Form } from '../ui/forms';
import { date, dateTime, money, setAttr, tx } from '../ui/l10n';
import { rendered } from '../ui/rendered';
import { loading, problemPanel, section, statusBadge, table } from './components';
import { OpsDirectory, inOpsWords, openInPipeline, partnerPickerFields, wirePartnerPicker } from './ops-common';

export function opsPartnersView(ctx: AppContext): View {
  const directory = new OpsDirectory(ctx.api);
  const listBox = h('div', { id: 'ops-partners-box', 'aria-busy': 'true', 'aria-live': 'polite' }, loading());
  const detail = h('section', { id: 'ops-partner-detail', className: 'card', hidden: true, 'aria-labelledby': 'ops-partner-heading' });
  let query = '';
  let openId: string | null = null;

  const search = h('input', { id: 'ops-partners-search', type: 'search', autocomplete: 'off', maxlength: 200, 'data-testid': 'ops-partners-search' });
  const searchLabel = tx('ops.partnersSearch', undefined, 'label');
  searchLabel.htmlFor = search.id;
  search.addEventListener('input', () => {
    query = search.value;
    renderList();
  });

  const register = new Form({
    id: 'ops-register',
    fields: [
      { name: 'name', id: 'ops-register-name', label: 'ops.partnerName', required: true, maxLength: 200, autocomplete: 'off' },
      { name: 'email', id: 'ops-register-email', label: 'ops.partnerEmail', type: 'email', required: true, maxLength: 254, autocomplete: 'off' },
      {
        name: 'language', id: 'ops-register-language', label: 'ops.partnerLanguage', type: 'select', value: 'en',
        options: LANGUAGES.map((l) => ({ value: l, label: `language.${l}` as MessageKey })),
      },
      ...partnerPickerFields('ops-register-parent', 'ops.parentPartner', { required: false, apiFields: ['parentPartnerId'] }),
    ],
    submit: 'ops.register',
    onSubmit: async (values) => {
      let partner: Partner;
      try {
        partner = await ctx.api.post<Partner>('/api/partners', {
          name: values.name, email: values.email, language: values.language,
          ...(values['ops-register-parent'] ? { parentPartnerId: values['ops-register-parent'] } : {}),
        });
      } catch (error) {
        inOpsWords(error);
      }
      directory.add(partner);
      register.reset();
      refillParent();
      renderList();
      ctx.announce('ops.registered', { name: partner.name });
      void open(partner.partnerId, false);
      return { key: 'ops.registered', params: { name: partner.name } };
    },
  });
  register.element.dataset.testid = 'ops-register';
  const refillParent = wirePartnerPicker(register, 'ops-register-parent', directory, { empty: 'ops.noParent' });

  const page = h('div', { className: 'ops' },
    h('h1', {}, tx('ops.partnersTitle')),
    h('p', { className: 'ops-links' }, pipelineLink()),
    h('div', { className: 'grid' },
      section('ops-partners', 'ops.partnersList', h('div', { className: 'field' }, searchLabel, search), listBox),
      section('ops-register-section', 'ops.registerTitle', register.element)),
    detail);

  function pipelineLink(): HTMLElement {
    const link = tx('ops.pipelineLink', undefined, 'a');
    link.href = '#/ops';
    return link;
  }

  function renderList(): void {
    const partners = directory.search(query);
    const rows = partners.slice(0, 200).map((partner) => {
      const openButton = tx('ops.work', undefined, 'button');
      openButton.type = 'button';
      openButton.className = 'secondary';
      openButton.dataset.testid = 'ops-open-partner';
      setAttr(openButton, 'aria-label', 'ops.openPartner', { name: partner.name });
      openButton.addEventListener('click', () => void open(partner.partnerId, true));
      const parent = partner.parentPartnerId ? (directory.name(partner.parentPartnerId) ?? '—') : '—';
      return h('tr', { 'data-partner-id': partner.partnerId },
        h('th', { scope: 'row' }, partner.name),
        h('td', {}, partner.email),
        h('td', {}, tx(`language.${partner.language}` as MessageKey)),
        h('td', {}, parent),
        h('td', {}, date(partner.createdAt)),
        h('td', {}, openButton));
    });
    replaceChildren(listBox,
      tx('ops.partnerMatches', { count: partners.length, total: directory.all.length }, 'p'),
      table('ops-partners-table', 'ops.partnersList',
        ['ops.partnerName', 'ops.partnerEmail', 'ops.partnerLanguage', 'ops.parentPartner', 'ops.registeredOn', 'referral.actions'],
        rows, query ? 'ops.noPartnerMatches' : 'ops.noPartners'));
  }

  async function open(partnerId: string, focus: boolean): Promise<void> {
    openId = partnerId;
    detail.hidden = false;
    replaceChildren(detail, loading());
    let partner: Partner;
    try {
      partner = await ctx.api.get<Partner>(`/api/partners/${encodeURIComponent(partnerId)}`);
    } catch (error) {
      replaceChildren(detail, problemPanel(error));
      return;
    }
    if (openId !== partnerId) {
      return;
    }
    const heading = h('h2', { id: 'ops-partner-heading', tabindex: -1 }, partner.name);
    const planBox = h('div', { id: 'ops-partner-plan', 'aria-busy': 'true' }, loading());
    const referralsBox = h('div', { id: 'ops-partner-referrals', 'aria-busy': 'true' }, loading());
    const introduced = directory.all.filter((p) => p.parentPartnerId === partner.partnerId);
    replaceChildren(detail,
      heading,
      h('div', { className: 'grid' },
        h('div', {},
          h('dl', { className: 'facts', 'data-testid': 'ops-partner-facts' },
            h('dt', {}, tx('ops.partnerEmail')), h('dd', {}, partner.email),
            h('dt', {}, tx('ops.partnerLanguage')), h('dd', {}, tx(`language.${partner.language}` as MessageKey)),
            h('dt', {}, tx('ops.parentPartner')), h('dd', {}, partner.parentPartnerId ? (directory.name(partner.parentPartnerId) ?? '—') : '—'),
            h('dt', {}, tx('ops.introduced')), h('dd', {}, introduced.length ? introduced.map((p) => p.name).join(', ') : '—'),
            h('dt', {}, tx('ops.registeredOn')), h('dd', {}, date(partner.createdAt))),
          tx('ops.planTitle', undefined, 'h3'), planBox),
        h('div', {}, tx('ops.inviteTitle', undefined, 'h3'), inviteForm(partner))),
      tx('ops.partnerReferrals', undefined, 'h3'), referralsBox);
    if (focus) {
      heading.focus();
    }
    void loadPlan(partner, planBox);
    void loadReferrals(partner, referralsBox);
  }

  function inviteForm(partner: Partner): HTMLElement {
    const form = new Form({
      id: 'ops-invite',
      fields: [
        { name: 'email', id: 'ops-invite-email', label: 'ops.inviteEmail', type: 'email', required: true, value: partner.email, maxLength: 254, hint: 'ops.inviteHint' },
      ],
      submit: 'ops.invite',
      onSubmit: async (values) => {
        let invitation: InvitationView;
        try {
          invitation = await ctx.api.post<InvitationView>('/auth/invitations', { partnerId: partner.partnerId, email: values.email });
        } catch (error) {
          inOpsWords(error);
        }
        ctx.announce('ops.invited', { email: invitation.email });
        form.message.className = 'form-message success';
        const until = dateTime(invitation.expiresAt);
        replaceChildren(form.message, h('p', {}, tx('ops.invited', { email: invitation.email }), ' ', tx('ops.inviteValidUntil'), ' ', until));
        return null;
      },
    });
    form.element.dataset.testid = 'ops-invite';
    return form.element;
  }

  async function loadPlan(partner: Partner, box: HTMLElement): Promise<void> {
    try {
      const assignment = await ctx.api.get<PlanAssignment | undefined>(`/api/partner-plans/${encodeURIComponent(partner.partnerId)}`);
      if (!assignment?.planId) {
        replaceChildren(box, tx('ops.defaultPlan', undefined, 'p'));
        return;
      }
      const plan = await ctx.api.get<PlanVersion>(`/api/commission-plans/${encodeURIComponent(assignment.planId)}`);
      const tiers = (plan.tiers ?? []).map((tier, index, all) => {
        const next = all[index + 1];
        return h('tr', {},
          h('th', { scope: 'row' }, next
            ? tx('ops.tierRange', { from: tier.fromContracts, to: next.fromContracts - 1 })
            : tx('ops.tierFrom', { from: tier.fromContracts })),
          h('td', {}, rendered('span', (language) => formatRate(tier.rate, language))));
      });
      replaceChildren(box,
        h('dl', { className: 'facts', 'data-testid': 'ops-partner-plan-facts' },
          h('dt', {}, tx('ops.planName')), h('dd', {}, h('span', {}, plan.planId), ' ', tx('ops.planVersion', { version: plan.version })),
          h('dt', {}, tx('ops.overrideRate')), h('dd', {}, rendered('span', (language) => formatRate(plan.overrideRate, language))),
          h('dt', {}, tx('ops.holdDays')), h('dd', {}, tx('ops.days', { days: plan.holdDays })),
          (plan.capPerReferral ?? []).length ? [h('dt', {}, tx('ops.cap')), h('dd', {}, (plan.capPerReferral ?? []).map((m) => h('span', { className: 'money-list' }, money(m))))] : null),
        table('ops-plan-tiers', 'ops.tiers', ['ops.tierContracts', 'ops.tierRate'], tiers, 'ops.noTiers'));
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) {
        replaceChildren(box, tx('ops.defaultPlan', undefined, 'p'));
      } else {
        replaceChildren(box, problemPanel(error));
      }
    } finally {
      box.setAttribute('aria-busy', 'false');
    }
  }

  async function loadReferrals(partner: Partner, box: HTMLElement): Promise<void> {
    try {
      const list = await ctx.api.get<Page<DealReferral>>(`/api/referrals?partnerId=${encodeURIComponent(partner.partnerId)}&page=0&size=200`);
      const items = [...(list.items ?? [])].sort((a, b) => (b.updatedAt ?? '').localeCompare(a.updatedAt ?? ''));
      const rows = items.map((referral) => {
        const work = tx('ops.openInPipeline', undefined, 'button');
        work.type = 'button';
        work.className = 'secondary';
        work.dataset.testid = 'ops-partner-open-referral';
        setAttr(work, 'aria-label', 'ops.openReferralOf', { company: referral.client?.company ?? '' });
        work.addEventListener('click', () => openInPipeline(referral.referralId));
        return h('tr', { 'data-referral-id': referral.referralId },
          h('th', { scope: 'row' }, referral.client?.company ?? '—'),
          h('td', {}, statusBadge(referral.status)),
          h('td', { className: 'num' }, money(referral.contractValue ?? referral.quotedAmount ?? referral.estimatedValue)),
          h('td', { className: 'num' }, money(referral.cashReceived)),
          h('td', {}, date(referral.updatedAt)),
          h('td', {}, work));
      });
      replaceChildren(box, table('ops-partner-referrals-table', 'ops.partnerReferrals',
        ['referral.company', 'referral.status', 'referral.value', 'referral.cashReceived', 'referral.updated', 'referral.actions'],
        rows, 'ops.partnerNoReferrals'),
      list.total > items.length ? tx('common.showingFirst', { shown: items.length, total: list.total }, 'p') : null);
    } catch (error) {
      replaceChildren(box, problemPanel(error));
    } finally {
      box.setAttribute('aria-busy', 'false');
    }
  }

  async function start(): Promise<void> {
    try {
      await directory.load();
      refillParent();
      renderList();
    } catch (error) {
      replaceChildren(listBox, problemPanel(error));
    } finally {
      listBox.setAttribute('aria-busy', 'false');
    }
  }

  void start();
  return { element: page };
}
