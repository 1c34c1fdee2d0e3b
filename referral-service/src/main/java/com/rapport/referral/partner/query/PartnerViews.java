package com.rapport.referral.partner.query;

import com.rapport.support.paging.Page;
import com.rapport.support.paging.PageRequest;
import com.rapport.support.problem.ProblemException;
import com.rapport.support.problem.ProblemTypes;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Reads of the {@code partners} read model. */
@Component
public class PartnerViews {

    private final ReactiveMongoTemplate mongo;
    private final PartnerProjection projection;

    public PartnerViews(ReactiveMongoTemplate mongo, PartnerProjection projection) {
        this.mongo = mongo;
        this.projection = projection;
    }

    /** The partner with every event stored for it: one whose write failed is caught up first. */
    public Mono<PartnerView> byId(String partnerId) {
        return projection.caughtUp(partnerId)
                .onErrorMap(failure -> notReadableYet(partnerId))
                .then(mongo.findById(partnerId, PartnerView.class));
    }

    /** The partner after catching it up from the event store: for one just stored that has no document. */
    public Mono<PartnerView> caughtUpById(String partnerId) {
        return projection.catchingUp(partnerId)
                .onErrorMap(failure -> notReadableYet(partnerId))
                .then(mongo.findById(partnerId, PartnerView.class));
    }

    private static ProblemException notReadableYet(String partnerId) {
        return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SERVICE_UNAVAILABLE,
                "Partner not readable yet", "partner %s has changes stored but not yet readable; retry"
                .formatted(partnerId));
    }

    public Mono<Page<PartnerView>> list(PageRequest request) {
        Query query = new Query().with(Sort.by(Sort.Order.asc("createdAt"), Sort.Order.asc("_id")))
                .skip(request.offset()).limit(request.size());
        return Mono.zip(mongo.find(query, PartnerView.class).collectList(),
                        mongo.count(new Query(), PartnerView.class))
                .map(result -> request.of(result.getT1(), result.getT2()));
    }
}
