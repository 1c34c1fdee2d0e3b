package com.rapport.referral.paging;

import java.util.List;

/** One page of a list, as API.md shapes every list: {@code {"items", "page", "size", "total"}}. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
