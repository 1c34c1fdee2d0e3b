package com.rapport.notification.inbox;

import com.rapport.support.id.PartnerId;
import com.rapport.support.paging.Page;
import com.rapport.support.paging.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Reads notifications for the API, newest first, without blocking. */
@Component
public class NotificationQueries {

    private final ReactiveMongoTemplate mongo;

    public NotificationQueries(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Page<NotificationView>> ofPartner(PartnerId partnerId, PageRequest request) {
        return mongo.findById(partnerId.value(), Inbox.class)
                .flatMap(inbox -> {
                    List<String> newestFirst = new ArrayList<>();
                    for (long place = inbox.size() - 1 - request.offset(); place >= 0
                            && newestFirst.size() < request.size(); place--) {
                        newestFirst.add(InboxEntry.idOf(partnerId.value(), place));
                    }
                    return filedAt(newestFirst).flatMap(this::byIds)
                            .map(items -> request.of(items, inbox.filed()));
                })
                .defaultIfEmpty(request.of(List.of(), 0));
    }

    /** Every partner's notifications, for operations. */
    public Mono<Page<NotificationView>> ofEveryone(PageRequest request) {
        Query newestFirst = new Query().with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id")))
                .skip(request.offset()).limit(request.size());
        return mongo.find(newestFirst, Notification.class).map(NotificationView::of).collectList()
                .zipWith(mongo.count(new Query(), Notification.class))
                .map(found -> request.of(found.getT1(), found.getT2()));
    }

    /** The notifications filed at these places, in their order; an empty place is left out. */
    private Mono<List<String>> filedAt(List<String> places) {
        if (places.isEmpty()) {
            return Mono.just(List.of());
        }
        return mongo.find(query(where("_id").in(places)), InboxEntry.class)
                .collectMap(InboxEntry::entryId, InboxEntry::notificationId)
                .map(filed -> places.stream().map(filed::get).filter(Objects::nonNull).toList());
    }

    private Mono<List<NotificationView>> byIds(List<String> ids) {
        if (ids.isEmpty()) {
            return Mono.just(List.of());
        }
        return mongo.find(query(where("_id").in(ids)), Notification.class)
                .collectMap(Notification::notificationId)
                .map((Map<String, Notification> found) -> ids.stream().map(found::get).filter(Objects::nonNull)
                        .map(NotificationView::of).toList());
    }
}
