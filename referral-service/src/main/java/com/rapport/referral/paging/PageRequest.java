package com.rapport.referral.paging;

import com.rapport.referral.config.ReferralProperties;
import com.rapport.support.problem.ProblemException;
import com.rapport.support.problem.ProblemTypes;
import org.springframework.http.HttpStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code ?page=&size=} checked once for every list: page from 0, size from 1 to the configured maximum. */
public record PageRequest(int page, int size) {

    public static PageRequest of(Integer page, Integer size, ReferralProperties.Paging limits) {
        int actualPage = page == null ? 0 : page;
        int actualSize = size == null ? limits.defaultSize() : size;
        List<Map<String, String>> errors = new ArrayList<>();
        if (actualPage < 0) {
            errors.add(Map.of("field", "page", "message", "must be 0 or more"));
        }
        if (actualSize < 1 || actualSize > limits.maxSize()) {
            errors.add(Map.of("field", "size", "message", "must be between 1 and " + limits.maxSize()));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION_FAILED, "Invalid request",
                    "page or size is out of range", Map.of("errors", errors));
        }
        return new PageRequest(actualPage, actualSize);
    }

    public long offset() {
        return (long) page * size;
    }

    public <T> Page<T> of(List<T> items, long total) {
        return new Page<>(items, page, size, total);
    }
}
