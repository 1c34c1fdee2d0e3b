package com.rapport.support.paging;

import com.rapport.support.problem.ProblemException;
import com.rapport.support.problem.ProblemTypes;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.HttpStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code rapport.paging.*}: the list sizes of a service, and the one check of {@code ?page=&size=} every list
 * makes. Out of range is a 400 {@code validation-failed} naming the field in {@code errors[]}.
 */
@ConfigurationProperties("rapport.paging")
public record Paging(@DefaultValue("50") int defaultSize, @DefaultValue("200") int maxSize) {

    public PageRequest request(Integer page, Integer size) {
        int actualPage = page == null ? 0 : page;
        int actualSize = size == null ? defaultSize : size;
        List<Map<String, String>> errors = new ArrayList<>();
        if (actualPage < 0) {
            errors.add(Map.of("field", "page", "message", "must be 0 or more"));
        }
        if (actualSize < 1 || actualSize > maxSize) {
            errors.add(Map.of("field", "size", "message", "must be between 1 and " + maxSize));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION_FAILED, "Invalid request",
                    "page or size is out of range", Map.of("errors", errors));
        }
        return new PageRequest(actualPage, actualSize);
    }
}
