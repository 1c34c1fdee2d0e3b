package com.rapport.referral.config;

import com.rapport.support.problem.ProblemException;
import com.rapport.support.problem.ProblemTranslator;
import com.rapport.support.problem.ProblemTypes;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * Partners and referrals share one event store, so a referral command can name a partner's id. Axon refuses to load
 * that stream as a referral; the caller is told the referral does not exist (404), as for any unknown id.
 */
@Configuration(proxyBeanMethods = false)
public class UnknownAggregateTranslation {

    @Bean
    public ProblemTranslator incompatibleAggregateIsNotFound() {
        return error -> error instanceof IncompatibleAggregateException
                ? new ProblemException(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found",
                "no referral has this id")
                : error;
    }
}
