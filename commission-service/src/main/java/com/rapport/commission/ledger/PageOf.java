package com.rapport.commission.ledger;

import java.util.List;

/** API.md list shape: {@code {"items", "page", "size", "total"}}. */
public record PageOf<T>(List<T> items, int page, int size, long total) {
}
