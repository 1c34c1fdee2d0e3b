package com.rapport.support.paging;

import java.util.List;

/** A checked {@code ?page=&size=} (see {@link Paging#request}): page from 0, size from 1 to the maximum. */
public record PageRequest(int page, int size) {

    /** How many items come before this page. */
    public long offset() {
        return (long) page * size;
    }

    /** This page of a list of {@code total} items. */
    public <T> Page<T> of(List<T> items, long total) {
        return new Page<>(items, page, size, total);
    }
}
