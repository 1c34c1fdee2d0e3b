package com.rapport.referral.referral.query;

import com.rapport.support.paging.Page;
import com.rapport.support.problem.ProblemException;
import com.rapport.support.problem.ProblemTypes;
import com.rapport.support.paging.PageRequest;
import com.rapport.referral.referral.ReferralStatus;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Reads of the {@code referrals} read model. */
@Component
public class ReferralViews {

    private final ReactiveMongoTemplate mongo;
    private final ReferralProjection projection;

    public ReferralViews(ReactiveMongoTemplate mongo, ReferralProjection projection) {
        this.mongo = mongo;
        this.projection = projection;
    }

    /** The referral with every event stored for it: one whose write failed is caught up first. */
    public Mono<ReferralView> byId(String referralId) {
        return projection.caughtUp(referralId)
                .onErrorMap(failure -> notReadableYet(referralId, failure))
                .then(mongo.findById(referralId, ReferralView.class));
    }

    /**
     * The referral after catching it up from the event store: for a caller the aggregate just told its command was a
     * repeat or refused, who reads what it shows next. A process killed between storing an event and writing its read
     * model leaves the referral behind without marking it, and a retry is how that shows.
     */
    public Mono<ReferralView> caughtUpById(String referralId) {
        return projection.catchingUp(referralId)
                .onErrorMap(failure -> notReadableYet(referralId, failure))
                .then(mongo.findById(referralId, ReferralView.class));
    }

    private static Throwable notReadableYet(String referralId, Throwable failure) {
        return failure instanceof ProblemException ? failure : new ProblemException(HttpStatus.SERVICE_UNAVAILABLE,
                ProblemTypes.SERVICE_UNAVAILABLE, "Referral not readable yet",
                "referral %s has changes stored but not yet readable; retry".formatted(referralId));
    }

    /**
     * Newest first. {@code visibleTo}, when set, limits the list to referrals that partner has (or has a share of)
     * or had the credit for;
     * {@code partnerId} and {@code status} are the optional filters of API.md.
     */
    public Mono<Page<ReferralView>> list(String visibleTo, String partnerId, ReferralStatus status,
                                         PageRequest request) {
        List<Criteria> conditions = new ArrayList<>();
        if (visibleTo != null) {
            conditions.add(new Criteria().orOperator(where("partnerId").is(visibleTo),
                    where("formerPartnerIds").is(visibleTo), where("shares.partnerId").is(visibleTo)));
        }
        if (partnerId != null) {
            // a co-introducer's referrals are its own too
            conditions.add(new Criteria().orOperator(where("partnerId").is(partnerId),
                    where("shares.partnerId").is(partnerId)));
        }
        if (status != null) {
            conditions.add(where("status").is(status.name()));
        }
        Criteria criteria = conditions.isEmpty() ? new Criteria() : new Criteria().andOperator(conditions);
        Query page = Query.query(criteria)
                .with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("_id")))
                .skip(request.offset()).limit(request.size());
        return Mono.zip(mongo.find(page, ReferralView.class).collectList(),
                        mongo.count(Query.query(criteria), ReferralView.class))
                .map(result -> request.of(result.getT1(), result.getT2()));
    }
}
