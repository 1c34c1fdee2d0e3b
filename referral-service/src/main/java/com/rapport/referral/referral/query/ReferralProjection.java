package com.rapport.referral.referral.query;

import com.rapport.events.money.Money;
import com.rapport.referral.config.ReferralProperties;
import com.rapport.referral.referral.ContractAmended;
import com.rapport.referral.referral.ContractSigned;
import com.rapport.referral.referral.CreditSplit;
import com.rapport.referral.referral.FollowOnOpened;
import com.rapport.referral.referral.IntroducerShare;
import com.rapport.referral.referral.ScheduleSet;
import com.rapport.referral.referral.MilestoneReached;
import com.rapport.referral.referral.PaymentReceived;
import com.rapport.referral.referral.ReferralCompleted;
import com.rapport.referral.referral.ReferralDelivered;
import com.rapport.referral.referral.ReferralEvent;
import com.rapport.referral.referral.ReferralLost;
import com.rapport.referral.referral.ReferralQualified;
import com.rapport.referral.referral.ReferralQuoted;
import com.rapport.referral.referral.ReferralReassigned;
import com.rapport.referral.referral.ReferralRejected;
import com.rapport.referral.referral.ReferralStatus;
import com.rapport.referral.referral.ReferralSubmitted;
import com.rapport.referral.referral.ReferredClient;
import com.rapport.referral.referral.RefundIssued;
import com.rapport.support.axon.ReadModelsBehind;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.ReactiveBulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.function.Consumer;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Keeps the {@code referrals} read model, timeline included. Runs in a subscribing processor, on the command's
 * thread, so a GET right after a POST sees the change. Each document remembers the sequence number of the last
 * event applied, so an event seen twice (a rebuild racing live traffic) changes nothing the second time, and an
 * event that comes after one it never saw (a write lost when the database went away, a process killed between storing
 * an event and writing it) first brings the referral up from the event store.
 * A write that fails leaves its referrals marked as behind: they are caught up in the background until the database
 * answers, and a read of one of them catches it up first (FaultUnderLoadIT once waited four minutes on a referral whose
 * write was lost while the database was killed, and a rebuild was the only cure).
 */
@Component
@ProcessingGroup(ReferralProjection.GROUP)
public class ReferralProjection {

    public static final String GROUP = "referral-projection";
    private static final String PENDING = ReferralProjection.class.getName() + ".pending";
    private static final int DUPLICATE_KEY = 11000;
    private static final Logger log = LoggerFactory.getLogger(ReferralProjection.class);

    private final ReactiveMongoTemplate mongo;
    private final Duration writeTimeout;
    private final Duration resetTimeout;
    private final ObjectProvider<EventStore> eventStore;
    private final AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(this);
    private final ReadModelsBehind behind = new ReadModelsBehind("referrals", this::catchUp);

    public ReferralProjection(ReactiveMongoTemplate mongo, ReferralProperties properties,
                              ObjectProvider<EventStore> eventStore) {
        this.mongo = mongo;
        this.writeTimeout = properties.projectionWriteTimeout();
        this.resetTimeout = properties.projectionResetTimeout();
        this.eventStore = eventStore;
    }

    /**
     * Completes when the referral's read model shows every event stored for it: at once unless a write of it failed,
     * else after it was caught up from the event store (an error while the database still does not answer).
     */
    public Mono<Void> caughtUp(String referralId) {
        return behind.caughtUp(referralId);
    }

    /** Catches the referral's read model up from the event store, whether or not it is known to be behind. */
    public Mono<Void> catchingUp(String referralId) {
        return behind.catchingUp(referralId);
    }

    /** Before a rebuild (service-support's ReadModelReplay): the events write every referral again. */
    @ResetHandler
    void reset() {
        // dropped, not emptied: a delete goes document by document and grew with the store (the collection has no
        // index but _id to make again, and a live write meanwhile recreates it)
        mongo.dropCollection(ReferralView.class).block(resetTimeout);
    }

    @EventHandler
    void on(ReferralSubmitted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        applying(event.referralId().value(), () -> {
            if (load(event.referralId().value()) != null) {
                return;
            }
            ReferralView.Builder view = opened(event, event.client(), event.description(), event.estimatedValue(),
                    IntroducerShare.whole(event.partnerId()), at);
            view.status = ReferralStatus.SUBMITTED;
            record(view, event, sequence, at, "submitted",
                    "Submitted for %s (contact %s)".formatted(event.client().company(), event.client().contactName()),
                    TimelineDetails.of().company(event.client().company()).contactName(event.client().contactName())
                            .build());
            store(view.build());
        });
    }

    @EventHandler
    void on(FollowOnOpened event, @SequenceNumber long sequence, @Timestamp Instant at) {
        applying(event.referralId().value(), () -> {
            if (load(event.referralId().value()) != null) {
                return;
            }
            ReferralView.Builder view = opened(event, event.client(), event.description(), event.estimatedValue(),
                    event.shares(), at);
            view.status = ReferralStatus.QUALIFIED;
            view.followOnOf = event.followOnOf().value();
            record(view, event, sequence, at, "follow-on-opened", "Follow-on of referral %s for %s, qualified"
                    .formatted(event.followOnOf(), event.client().company()),
                    TimelineDetails.of().company(event.client().company()).followOnOf(event.followOnOf().value())
                            .build());
            store(view.build());
        });
    }

    /** What a referral's first event (a submission, a follow-on) says of it. */
    private static ReferralView.Builder opened(ReferralEvent event, ReferredClient client, String description,
                                               Money estimatedValue, List<IntroducerShare> shares, Instant at) {
        ReferralView.Builder view = new ReferralView.Builder();
        view.referralId = event.referralId().value();
        view.partnerId = event.partnerId().value();
        view.client = new ReferralView.ClientView(client.company(), client.contactName(), client.contactEmail());
        view.description = description;
        view.estimatedValue = estimatedValue;
        view.shares = shareViews(shares);
        view.createdAt = at;
        return view;
    }

    @EventHandler
    void on(CreditSplit event, @SequenceNumber long sequence, @Timestamp Instant at) {
        String split = event.shares().stream()
                .map(share -> "partner %s %s".formatted(share.partnerId(), share.share().toPlainString()))
                .collect(Collectors.joining(", "));
        change(event, sequence, at, "credit-split", "Credit split: " + split,
                TimelineDetails.of().shares(shareViews(event.shares())).build(),
                view -> view.shares = shareViews(event.shares()));
    }

    @EventHandler
    void on(ContractAmended event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event, sequence, at, "contract-amended", "Contract amended by %s on %s: %s; contract value now %s"
                .formatted(event.delta(), event.signedAt(), event.reason(), event.contractValue()),
                TimelineDetails.of().amount(event.delta()).contractValue(event.contractValue()).on(event.signedAt())
                        .reference(event.amendmentId()).reason(event.reason()).build(), view -> {
            view.contractValue = event.contractValue();
            view.amendments.add(new ReferralView.AmendmentView(event.amendmentId(), event.delta(), event.reason(),
                    event.signedAt()));
        });
    }

    @EventHandler
    void on(ScheduleSet event, @SequenceNumber long sequence, @Timestamp Instant at) {
        String summary = event.schedule().isEmpty() ? "Schedule cleared: no instalment is expected"
                : "Schedule set: " + event.schedule().stream()
                .map(instalment -> "%s %s due %s".formatted(instalment.name(), instalment.amount(),
                        instalment.dueDate()))
                .collect(Collectors.joining(", "));
        List<ReferralView.InstalmentView> schedule = event.schedule().stream()
                .map(instalment -> new ReferralView.InstalmentView(instalment.name(), instalment.dueDate(),
                        instalment.amount()))
                .collect(Collectors.toCollection(ArrayList::new));
        change(event, sequence, at, "schedule-set", summary, TimelineDetails.of().schedule(schedule).build(),
                view -> view.schedule = new ArrayList<>(schedule));
    }

    private static List<ReferralView.ShareView> shareViews(List<IntroducerShare> shares) {
        return shares.stream()
                .map(share -> new ReferralView.ShareView(share.partnerId().value(), share.share().toPlainString()))
                .collect(Collectors.toCollection(ArrayList::new));
    }

    @EventHandler
    void on(ReferralQualified event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event, sequence, at, "qualified", "Qualified", null, view -> view.status = ReferralStatus.QUALIFIED);
    }

    @EventHandler
    void on(ReferralRejected event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event, sequence, at, "rejected", "Rejected: " + event.reason(),
                TimelineDetails.of().reason(event.reason()).build(), view -> view.status = ReferralStatus.REJECTED);
    }

    @EventHandler
    void on(ReferralQuoted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event, sequence, at, "quoted", "Quoted " + event.amount(),
                TimelineDetails.of().amount(event.amount()).build(), view -> {
            view.status = ReferralStatus.QUOTED;
            view.quotedAmount = event.amount();
        });
    }

    @EventHandler
    void on(ContractSigned event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event, sequence, at, "contract-signed", "Contract signed for %s on %s (the partner's contract no. %d)"
                .formatted(event.contractValue(), event.signedAt(), event.contractNumber()),
                TimelineDetails.of().contractValue(event.contractValue()).on(event.signedAt())
                        .contractNumber(event.contractNumber()).build(), view -> {
            view.status = ReferralStatus.CONTRACTED;
            view.contractValue = event.contractValue();
            view.contractNumber = event.contractNumber();
            view.signedAt = event.signedAt();
            view.cashReceived = Money.zero(event.contractValue().currency());
            view.refunded = Money.zero(event.contractValue().currency());
        });
    }

    @EventHandler
    void on(MilestoneReached event, @SequenceNumber long sequence, @Timestamp Instant at) {
        String summary = "Milestone reached: " + event.name() + (event.note() == null ? "" : " (" + event.note() + ")");
        change(event, sequence, at, "milestone-reached", summary,
                TimelineDetails.of().name(event.name()).note(event.note()).build(), view -> {
        });
    }

    @EventHandler
    void on(PaymentReceived event, @SequenceNumber long sequence, @Timestamp Instant at) {
        String summary = "%s payment %s of %s received on %s; net cash %s"
                .formatted(event.kind(), event.paymentId(), event.amount(), event.receivedAt(), event.netCash());
        change(event, sequence, at, "payment-received", summary, TimelineDetails.of().kind(event.kind().name())
                .reference(event.paymentId()).amount(event.amount()).on(event.receivedAt()).netCash(event.netCash())
                .build(), view -> {
            view.cashReceived = view.cashReceived.plus(event.amount());
            view.payments.add(new ReferralView.PaymentView(event.paymentId(), event.amount(), event.kind().name(),
                    event.receivedAt()));
        });
    }

    @EventHandler
    void on(RefundIssued event, @SequenceNumber long sequence, @Timestamp Instant at) {
        String summary = "Refund %s of %s issued on %s: %s; net cash %s"
                .formatted(event.refundId(), event.amount(), event.issuedAt(), event.reason(), event.netCash());
        change(event, sequence, at, "refund-issued", summary, TimelineDetails.of().reference(event.refundId())
                .amount(event.amount()).on(event.issuedAt()).reason(event.reason()).netCash(event.netCash())
                .build(), view -> {
            view.refunded = view.refunded.plus(event.amount());
            view.refunds.add(new ReferralView.RefundView(event.refundId(), event.amount(), event.reason(),
                    event.issuedAt()));
        });
    }

    @EventHandler
    void on(ReferralDelivered event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event, sequence, at, "delivered", "Delivered", null, view -> view.status = ReferralStatus.DELIVERED);
    }

    @EventHandler
    void on(ReferralCompleted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event, sequence, at, "completed", "Completed", null, view -> view.status = ReferralStatus.COMPLETED);
    }

    @EventHandler
    void on(ReferralLost event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event, sequence, at, "lost", "Lost while %s: %s".formatted(event.lostAtStatus(), event.reason()),
                TimelineDetails.of().fromStatus(event.lostAtStatus() == null ? null : event.lostAtStatus().name())
                        .reason(event.reason()).build(),
                view -> view.status = ReferralStatus.LOST);
    }

    @EventHandler
    void on(ReferralReassigned event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event, sequence, at, "reassigned", "Reassigned from partner %s to partner %s: %s"
                .formatted(event.previousPartnerId(), event.partnerId(), event.reason()),
                TimelineDetails.of().previousPartnerId(event.previousPartnerId().value())
                        .newPartnerId(event.partnerId().value()).reason(event.reason()).build(), view -> {
            view.formerPartnerIds.remove(event.partnerId().value());
            view.formerPartnerIds.add(event.previousPartnerId().value());
            view.partnerId = event.partnerId().value();
            view.shares = view.shares.stream()
                    .map(share -> share.partnerId().equals(event.previousPartnerId().value())
                            ? new ReferralView.ShareView(event.partnerId().value(), share.share()) : share)
                    .collect(Collectors.toCollection(ArrayList::new));
        });
    }

    private void change(ReferralEvent event, long sequence, Instant at, String type, String summary,
                        TimelineDetails details, Consumer<ReferralView.Builder> change) {
        applying(event.referralId().value(), () -> applyChange(event, sequence, at, type, summary, details, change));
    }

    /**
     * Applies a live event; when that fails (the database does not answer the read, the event store cannot be read
     * for the events it missed), the referral is marked as behind and caught up later, instead of the event being
     * logged by Axon and lost to the read model. A catch-up's own failures go to its caller.
     */
    private void applying(String referralId, Runnable apply) {
        try {
            apply.run();
        } catch (RuntimeException e) {
            if (inCatchUp()) {
                throw e;
            }
            behind.writeFailed(Set.of(referralId), e);
        }
    }

    private static boolean inCatchUp() {
        if (!CurrentUnitOfWork.isStarted()) {
            return false;
        }
        Pending pending = CurrentUnitOfWork.get().getResource(PENDING);
        return pending != null && pending.failuresPropagate;
    }

    private void applyChange(ReferralEvent event, long sequence, Instant at, String type, String summary,
                             TimelineDetails details, Consumer<ReferralView.Builder> change) {
        String referralId = event.referralId().value();
        ReferralView current = load(referralId);
        long next = current == null ? 0 : current.lastSequence() + 1;
        if (sequence > next) {
            applyStored(referralId, next, sequence);
            current = load(referralId);
        }
        if (current == null) {
            log.warn("No read model for referral {} while applying {} #{}, and none of its earlier events stored",
                    referralId, type, sequence);
            return;
        }
        if (sequence <= current.lastSequence()) {
            return;
        }
        ReferralView.Builder view = current.toBuilder();
        change.accept(view);
        record(view, event, sequence, at, type, summary, details);
        store(view.build());
    }

    /**
     * Applies the referral's stored events from {@code from} up to (not including) {@code before}, in the current unit
     * of work, through the same handlers as live events.
     */
    private void applyStored(String referralId, long from, long before) {
        DomainEventStream stored = eventStore.getObject().readEvents(referralId, from);
        while (stored.hasNext()) {
            DomainEventMessage<?> event = stored.next();
            if (event.getSequenceNumber() >= before) {
                return;
            }
            try {
                handlers.handle(event);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Applies every stored event the referral's read model has not shown yet and writes it, in a unit of work of its
     * own; throws when the write fails.
     */
    private void catchUp(String referralId) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            pending().failuresPropagate = true;
            ReferralView current = load(referralId);
            applyStored(referralId, current == null ? 0 : current.lastSequence() + 1, Long.MAX_VALUE);
            unitOfWork.commit();
        } catch (RuntimeException e) {
            if (unitOfWork.isActive()) {
                unitOfWork.rollback(e);
            }
            throw e;
        }
    }

    /** Whether a write of the referral failed and it was not caught up since. */
    boolean isBehind(String referralId) {
        return behind.isBehind(referralId);
    }

    /** The referral as the events handled so far left it: this unit of work's unwritten change, or the stored one. */
    private ReferralView load(String referralId) {
        Pending pending = pending();
        if (pending == null) {
            return mongo.findById(referralId, ReferralView.class).block(writeTimeout);
        }
        ReferralView changed = pending.changed.get(referralId);
        if (changed != null) {
            return changed;
        }
        Optional<ReferralView> read = pending.read.get(referralId);
        return read != null ? read.orElse(null)
                : mongo.findById(referralId, ReferralView.class).block(writeTimeout);
    }

    /**
     * Keeps the change until the unit of work handling these events commits, then writes every referral it changed
     * in one bulk request: one write per command however many events it stored, and one per batch of a rebuild
     * (which otherwise read and wrote the document once per event: 455 events/s from a million-event store).
     */
    private void store(ReferralView view) {
        Pending pending = pending();
        if (pending == null) {
            mongo.save(view).block(writeTimeout);
        } else {
            pending.changed.put(view.referralId(), view);
        }
    }

    private Pending pending() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        return unitOfWork.getOrComputeResource(PENDING, key -> {
            Pending pending = new Pending();
            if (unitOfWork instanceof BatchingUnitOfWork<?> batch && batch.getMessages().size() > 1) {
                readAhead(batch.getMessages(), pending);
            }
            unitOfWork.onPrepareCommit(committing -> flush(pending));
            return pending;
        });
    }

    /** A batch (a rebuild's 500 events, a command's several) reads all its referrals in one request, not one each. */
    private void readAhead(List<? extends Message<?>> messages, Pending pending) {
        List<String> ids = messages.stream()
                .map(Message::getPayload)
                .filter(ReferralEvent.class::isInstance)
                .map(payload -> ((ReferralEvent) payload).referralId().value())
                .distinct()
                .toList();
        if (ids.isEmpty()) {
            return;
        }
        ids.forEach(id -> pending.read.put(id, Optional.empty()));
        mongo.find(Query.query(where("_id").in(ids)), ReferralView.class)
                .doOnNext(view -> pending.read.put(view.referralId(), Optional.of(view)))
                .then().block(writeTimeout);
    }

    /** What one unit of work read ahead and changed; the changes are written when it commits. */
    private static final class Pending {
        private final Map<String, ReferralView> changed = new LinkedHashMap<>();
        private final Map<String, Optional<ReferralView>> read = new HashMap<>();
        /** A catch-up's caller hears of a failed write; a live event's is caught up later (its events are stored). */
        private boolean failuresPropagate;
    }

    private void flush(Pending pending) {
        Set<String> referralIds = Set.copyOf(pending.changed.keySet());
        try {
            write(pending.changed);
            if (!pending.failuresPropagate) {
                // written live as of its latest event (one it had missed was applied first); a catch-up clears its
                // own mark, knowing whether another write failed meanwhile
                behind.written(referralIds);
            }
        } catch (RuntimeException e) {
            if (pending.failuresPropagate) {
                throw e;
            }
            behind.writeFailed(referralIds, e);
        }
    }

    /** One bulk request; throws when a write failed for another reason than a newer document already stored. */
    private void write(Map<String, ReferralView> views) {
        if (views.isEmpty()) {
            return;
        }
        ReactiveBulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, ReferralView.class);
        // only over an older document: a rebuild racing live traffic never puts a referral back in time (the upsert
        // then meets the newer document's _id and is refused as a duplicate, which is the wanted outcome)
        views.values().forEach(view -> bulk.replaceOne(Query.query(where("_id").is(view.referralId())
                        .and("lastSequence").lt(view.lastSequence())), view, FindAndReplaceOptions.options().upsert()));
        try {
            bulk.execute().block(writeTimeout);
        } catch (DuplicateKeyException e) {
            log.debug("Referrals {}: a newer read model was already stored", views.keySet());
        } catch (BulkOperationException e) {
            if (e.getErrors().stream().anyMatch(error -> error.getCode() != DUPLICATE_KEY)) {
                throw e;
            }
        } finally {
            views.clear();
        }
    }

    private static void record(ReferralView.Builder view, ReferralEvent event, long sequence, Instant at, String type,
                               String summary, TimelineDetails details) {
        view.timeline.add(new TimelineEntry(at, type, summary, event.partnerId().value(), details));
        view.lastSequence = sequence;
        view.updatedAt = at;
    }
}
