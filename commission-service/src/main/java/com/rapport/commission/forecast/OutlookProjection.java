package com.rapport.commission.forecast;

import com.rapport.commission.accrual.AccrualEvents.ClientPaymentRecorded;
import com.rapport.commission.accrual.AccrualEvents.ClientRefundRecorded;
import com.rapport.commission.accrual.AccrualEvents.CommissionAccrued;
import com.rapport.commission.accrual.AccrualEvents.CommissionReversed;
import com.rapport.commission.accrual.AccrualEvents.ContractAmended;
import com.rapport.commission.accrual.AccrualEvents.PaymentScheduleSet;
import com.rapport.commission.accrual.AccrualEvents.RateLocked;
import com.rapport.commission.accrual.AccrualEvents.ReferralStageChanged;
import com.rapport.commission.accrual.ReferralStage;
import com.rapport.commission.config.BsonValues;
import com.rapport.commission.config.CommissionProperties;
import com.rapport.events.commission.CommissionRole;
import com.rapport.events.money.Money;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Keeps one document per contracted referral ({@link OutlookDocuments}): contract value, net cash, stage, schedule
 * and the locked roles with their earnings. Each event rewrites the document from what it held and what the event
 * says, on the processor's single thread, so a replay converges on the same document.
 */
@Component
@ProcessingGroup(OutlookProjection.GROUP)
class OutlookProjection {

    static final String GROUP = "outlook";

    private final ReactiveMongoTemplate mongo;
    private final Duration timeout;

    OutlookProjection(ReactiveMongoTemplate mongo, CommissionProperties properties) {
        this.mongo = mongo;
        this.timeout = properties.storeTimeout();
    }

    @EventHandler
    void on(RateLocked event) {
        Document existing = load(event.referralId());
        Document outlook = existing != null ? existing : new Document("_id", event.referralId())
                .append("contractValue", BsonValues.money(event.contractValue()))
                .append("netCash", BsonValues.money(Money.zero(event.contractValue().currency())))
                .append("stage", ReferralStage.CONTRACTED.name())
                .append("firstIntroducer", event.introducerPartnerId())
                .append("schedule", List.of())
                .append("roles", List.of());
        String key = OutlookDocuments.key(event.role(), event.introducerPartnerId());
        List<Document> roles = new ArrayList<>(outlook.getList("roles", Document.class));
        roles.removeIf(role -> key.equals(role.getString("key")));
        roles.add(OutlookDocuments.role(key, event));
        outlook.put("roles", roles);
        outlook.put("partners", roles.stream().map(role -> role.getString("partnerId")).distinct().toList());
        save(outlook);
    }

    @EventHandler
    void on(ClientPaymentRecorded event) {
        update(event.referralId(), outlook -> outlook.put("netCash", BsonValues.money(event.netCash())));
    }

    @EventHandler
    void on(ClientRefundRecorded event) {
        update(event.referralId(), outlook -> outlook.put("netCash", BsonValues.money(event.netCash())));
    }

    @EventHandler
    void on(ContractAmended event) {
        update(event.referralId(), outlook -> outlook.put("contractValue", BsonValues.money(event.contractValue())));
    }

    @EventHandler
    void on(PaymentScheduleSet event) {
        update(event.referralId(), outlook -> outlook.put("schedule", OutlookDocuments.schedule(event.schedule())));
    }

    @EventHandler
    void on(ReferralStageChanged event) {
        update(event.referralId(), outlook -> outlook.put("stage", event.stage().name()));
    }

    @EventHandler
    void on(CommissionAccrued event) {
        earned(event.referralId(), event.role(), event.introducerPartnerId(), event.earnedSoFar());
    }

    @EventHandler
    void on(CommissionReversed event) {
        earned(event.referralId(), event.role(), event.introducerPartnerId(), event.earnedSoFar());
    }

    private void earned(String referralId, CommissionRole role, String introducerPartnerId, Money earnedSoFar) {
        update(referralId, outlook -> {
            // entries written before co-introducers name no introducer: the referral had only one
            String introducer = introducerPartnerId != null ? introducerPartnerId : outlook.getString("firstIntroducer");
            String key = OutlookDocuments.key(role, introducer);
            outlook.getList("roles", Document.class).stream().filter(r -> key.equals(r.getString("key")))
                    .forEach(r -> r.put("earned", BsonValues.money(earnedSoFar)));
        });
    }

    private void update(String referralId, Consumer<Document> change) {
        Document outlook = load(referralId);
        if (outlook == null) {
            return;
        }
        change.accept(outlook);
        save(outlook);
    }

    private Document load(String referralId) {
        return mongo.findById(referralId, Document.class, OutlookDocuments.OUTLOOKS).block(timeout);
    }

    private void save(Document outlook) {
        mongo.save(outlook, OutlookDocuments.OUTLOOKS).block(timeout);
    }
}
