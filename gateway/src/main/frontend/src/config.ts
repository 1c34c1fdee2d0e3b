/** The portal's few tunables, in one place. */
export const PORTAL = {
  /** list page size asked of the API (under every service's maximum) */
  pageSize: 100,
  /**
   * After a live notification, the dashboard reloads at once and again after these delays: commissions are computed
   * from the same events by another service, and may land a moment after the notification that announced the cash.
   */
  followUpRefreshMs: [1500, 4000, 9000],
  /** how long an announcement stays visible on screen */
  toastMs: 8000,
  /** at most this many announcements on screen at once: the newest win */
  maxToasts: 3,
  /** reconnection backoff of the live feed */
  streamRetryMinMs: 1000,
  streamRetryMaxMs: 30000,
} as const;
