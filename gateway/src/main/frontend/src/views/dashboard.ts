/**
 * The partner's dashboard: balances, when commission will be paid (the forecast), the referral form, the referrals
 * with their timelines and the latest notifications. A live notification updates all of it without a reload.
 */
import type { CommissionSummary, Notification, Page, Referral } from '../api/types';
import type { AppContext, View } from '../app-context';
import { PORTAL } from '../config';
import { h, replaceChildren } from '../ui/dom';
import { tx } from '../ui/l10n';
import {
  REFERRAL_COLUMNS, iconButton, loading, notificationList, problemPanel, referralRows, section, summaryTable, table,
} from './components';
import { readableTimeline } from './timeline-view';
import { forecastSection } from './forecast';
import { referralForm } from './referral-form';

const LATEST = 5;

export function dashboardView(ctx: AppContext): View {
  const summaryBox = h('div', { 'aria-live': 'polite', 'aria-busy': 'true' }, loading());
  const referralsBox = h('div', { 'aria-busy': 'true' }, loading());
  const detailBox = h('div', { id: 'referral-detail', className: 'detail', hidden: true });
  const feedBox = h('div', {}, notificationList((ctx.notifications?.all ?? []).slice(0, LATEST), 'latest-notifications'));
  const form = referralForm(ctx, () => void loadReferrals());
  const forecast = forecastSection(ctx);
  let openReferralId: string | null = null;
  const timers: number[] = [];

  const page = h('div', { className: 'dashboard' },
    h('h1', {}, tx('dashboard.title')),
    section('summary', 'dashboard.summary', summaryBox, h('p', {}, linkTo('#/commissions', 'dashboard.seeCommissions'))),
    forecast.element,
    section('referrals', 'dashboard.referrals', referralsBox, detailBox),
    h('div', { className: 'grid' },
      section('refer', 'dashboard.refer', form.element),
      section('latest', 'dashboard.latest', feedBox, h('p', {}, linkTo('#/notifications', 'dashboard.seeNotifications')))));

  async function loadSummary(): Promise<void> {
    try {
      const summary = await ctx.api.get<CommissionSummary>('/api/commissions/summary');
      replaceChildren(summaryBox, summaryTable(summary));
    } catch (error) {
      replaceChildren(summaryBox, problemPanel(error));
    } finally {
      summaryBox.setAttribute('aria-busy', 'false');
    }
  }

  async function loadReferrals(): Promise<void> {
    try {
      const list = await ctx.api.get<Page<Referral>>(`/api/referrals?page=0&size=${PORTAL.pageSize}`);
      const items = [...(list.items ?? [])].sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''));
      const rows = referralRows(items, (referral) => iconButton('referral.showTimelineOf', 'referral.showTimeline',
        () => void openTimeline(referral.referralId, true), { company: referral.client?.company ?? '' }));
      replaceChildren(referralsBox, table('referrals-table', 'dashboard.referrals', REFERRAL_COLUMNS, rows, 'referral.none'),
        list.total > items.length ? tx('common.showingFirst', { shown: items.length, total: list.total }, 'p') : null);
      if (openReferralId) {
        await openTimeline(openReferralId, false);
      }
    } catch (error) {
      replaceChildren(referralsBox, problemPanel(error));
    } finally {
      referralsBox.setAttribute('aria-busy', 'false');
    }
  }

  async function openTimeline(referralId: string, focus: boolean): Promise<void> {
    openReferralId = referralId;
    detailBox.hidden = false;
    try {
      const referral = await ctx.api.get<Referral>(`/api/referrals/${encodeURIComponent(referralId)}`);
      const heading = tx('referral.timelineOf', { company: referral.client?.company ?? '' }, 'h3');
      heading.id = 'referral-detail-heading';
      heading.tabIndex = -1;
      replaceChildren(detailBox,
        heading,
        readableTimeline(referral.timeline, { self: ctx.claims.partnerId }),
        iconButton('referral.closeTimeline', 'common.close', () => {
          openReferralId = null;
          detailBox.hidden = true;
          referralsBox.querySelector<HTMLButtonElement>(`tr[data-referral-id="${CSS.escape(referralId)}"] button`)?.focus();
        }));
      if (focus) {
        heading.focus();
      }
    } catch (error) {
      replaceChildren(detailBox, problemPanel(error));
    }
  }

  function refresh(): void {
    void loadReferrals();
    void loadSummary();
    void forecast.load();
  }

  const unsubscribe = ctx.notifications?.subscribe({
    onList: (all) => replaceChildren(feedBox, notificationList(all.slice(0, LATEST), 'latest-notifications')),
    onNotification: (_notification: Notification) => {
      replaceChildren(feedBox, notificationList((ctx.notifications?.all ?? []).slice(0, LATEST), 'latest-notifications'));
      refresh();
      for (const delay of PORTAL.followUpRefreshMs) {
        timers.push(window.setTimeout(refresh, delay));
      }
    },
  });

  refresh();
  return {
    element: page,
    onLanguage: () => forecast.redraw(),
    destroy: () => {
      unsubscribe?.();
      forecast.destroy();
      timers.forEach((timer) => clearTimeout(timer));
    },
  };
}

export function linkTo(href: string, key: Parameters<typeof tx>[0]): HTMLAnchorElement {
  const link = tx(key, undefined, 'a');
  link.href = href;
  return link;
}
