package com.rapport.referral.partner.query;

import com.rapport.support.paging.Page;
import com.rapport.support.paging.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Reads of the {@code partners} read model. */
@Component
public class PartnerViews {

    private final ReactiveMongoTemplate mongo;

    public PartnerViews(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<PartnerView> byId(String partnerId) {
        return mongo.findById(partnerId, PartnerView.class);
    }

    public Mono<Page<PartnerView>> list(PageRequest request) {
        Query query = new Query().with(Sort.by(Sort.Order.asc("createdAt"), Sort.Order.asc("_id")))
                .skip(request.offset()).limit(request.size());
        return Mono.zip(mongo.find(query, PartnerView.class).collectList(),
                        mongo.count(new Query(), PartnerView.class))
                .map(result -> request.of(result.getT1(), result.getT2()));
    }
}
