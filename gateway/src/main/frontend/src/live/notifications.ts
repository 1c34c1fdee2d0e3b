/**
 * The partner's notifications: the list from GET /api/notifications, kept current by the live stream
 * (GET /api/notifications/stream, read with fetch so the bearer token goes along). Views subscribe to it.
 */
import type { ApiClient } from '../api/client';
import type { Notification, Page } from '../api/types';
import { consumeEventStream } from '../api/sse';

export type FeedState = 'connecting' | 'open' | 'retrying' | 'closed';

export interface FeedListener {
  /** a notification that arrived live (not the ones loaded with the list) */
  onNotification?(notification: Notification): void;
  onList?(notifications: Notification[]): void;
  onState?(state: FeedState): void;
}

export const FEED_PAGE_SIZE = 50;

/** Notifications newest first, each once, whether it came from the list or the stream (or both). */
export function mergeNotifications(existing: Notification[], incoming: Notification[]): Notification[] {
  const byId = new Map<string, Notification>();
  for (const notification of [...incoming, ...existing]) {
    if (notification && notification.notificationId && !byId.has(notification.notificationId)) {
      byId.set(notification.notificationId, notification);
    }
  }
  return [...byId.values()].sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''));
}

export class NotificationCenter {
  private notifications: Notification[] = [];
  private readonly listeners = new Set<FeedListener>();
  private abort: AbortController | null = null;
  private currentState: FeedState = 'closed';

  constructor(private readonly api: ApiClient) {}

  get all(): Notification[] {
    return this.notifications;
  }

  get state(): FeedState {
    return this.currentState;
  }

  subscribe(listener: FeedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async load(): Promise<Notification[]> {
    const page = await this.api.get<Page<Notification>>(`/api/notifications?page=0&size=${FEED_PAGE_SIZE}`);
    this.notifications = mergeNotifications(this.notifications, page.items ?? []);
    this.listeners.forEach((l) => l.onList?.(this.notifications));
    return this.notifications;
  }

  start(): void {
    if (this.abort) {
      return;
    }
    this.abort = new AbortController();
    void consumeEventStream({
      url: '/api/notifications/stream',
      headers: () => this.api.authHeaders(),
      onUnauthorized: () => this.api.refresh(),
      signal: this.abort.signal,
      onState: (state) => {
        this.currentState = state;
        this.listeners.forEach((l) => l.onState?.(state));
      },
      onEvent: (event) => {
        if (event.event !== 'notification' && event.event !== 'message') {
          return;
        }
        let notification: Notification;
        try {
          notification = JSON.parse(event.data) as Notification;
        } catch {
          return; // not a notification: nothing to show
        }
        const known = this.notifications.some((n) => n.notificationId === notification.notificationId);
        this.notifications = mergeNotifications(this.notifications, [notification]);
        if (!known) {
          this.listeners.forEach((l) => l.onNotification?.(notification));
        }
      },
    });
  }

  stop(): void {
    this.abort?.abort();
    this.abort = null;
    this.notifications = [];
  }
}
