package com.rapport.notification.inbox;

import java.util.List;

/** One page of a list, as every Rapport list is shaped. */
public record NotificationPage(List<NotificationView> items, int page, int size, long total) {
}
