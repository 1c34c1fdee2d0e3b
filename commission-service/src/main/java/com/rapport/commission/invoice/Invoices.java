package com.rapport.commission.invoice;

import com.rapport.support.paging.Page;
import com.rapport.support.paging.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;

/** The query side of invoices: pages of them in number order, one by number, a partner's of a year. */
@Component
public class Invoices {

    /** Numbers sort by year, then sequence: the order they were issued in. */
    private static final Sort NUMBER_ORDER = Sort.by("_id");

    private final ReactiveMongoTemplate mongo;

    Invoices(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Filtered by partner and/or year (null = any). */
    public Mono<Page<Invoice.Summary>> page(String partnerId, Integer year, PageRequest request) {
        Criteria criteria = criteria(partnerId, year);
        Mono<Long> total = mongo.count(Query.query(criteria), InvoiceDocument.class);
        Mono<List<Invoice.Summary>> items = mongo.find(Query.query(criteria).with(NUMBER_ORDER)
                        .skip(request.offset()).limit(request.size()), InvoiceDocument.class)
                .map(stored -> stored.invoice().summary())
                .collectList();
        return Mono.zip(items, total).map(t -> request.of(t.getT1(), t.getT2()));
    }

    public Mono<Invoice> find(String invoiceNumber) {
        return mongo.findById(invoiceNumber, InvoiceDocument.class).map(InvoiceDocument::invoice);
    }

    /** A partner's invoices of one year, in number order. */
    public Flux<Invoice> ofPartner(String partnerId, int year) {
        return mongo.find(Query.query(criteria(partnerId, year)).with(NUMBER_ORDER), InvoiceDocument.class)
                .map(InvoiceDocument::invoice);
    }

    private static Criteria criteria(String partnerId, Integer year) {
        Criteria criteria = new Criteria();
        if (partnerId != null) {
            criteria = criteria.and("partnerId").is(partnerId);
        }
        if (year != null) {
            criteria = criteria.and("year").is(year);
        }
        return criteria;
    }
}
