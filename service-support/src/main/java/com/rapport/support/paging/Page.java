package com.rapport.support.paging;

import java.util.List;

/** One page of a list, as API.md shapes every list: {@code {"items", "page", "size", "total"}}. */
public record Page<T>(List<T> items, int page, int size, long total) {

    /** A list that is never paged (a short catalogue): everything on page 0. */
    public static <T> Page<T> whole(List<T> items) {
        return new Page<>(items, 0, items.size(), items.size());
    }
}
