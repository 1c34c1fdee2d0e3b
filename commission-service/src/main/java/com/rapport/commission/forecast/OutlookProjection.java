package com.rapport.commission.forecast;

import com.rapport.commission.accrual.ClientPaymentRecorded;
import com.rapport.commission.accrual.ClientRefundRecorded;
import com.rapport.commission.accrual.CommissionAccrued;
import com.rapport.commission.accrual.CommissionReversed;
import com.rapport.commission.accrual.ContractAmended;
import com.rapport.commission.accrual.PaymentScheduleSet;
import com.rapport.commission.accrual.RateLocked;
import com.rapport.commission.accrual.ReferralStageChanged;
import com.rapport.commission.config.CommissionProperties;
import com.rapport.events.commission.CommissionRole;
import com.rapport.events.money.Money;
import com.rapport.support.axon.BatchedWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import java.util.function.UnaryOperator;

/**
 * Keeps one document per contracted referral ({@link OutlookDocument}): contract value, net cash, stage, schedule
 * and the locked roles with their earnings. Each event rewrites the document from what it held and what the event
 * says, on the processor's single thread, so a replay converges on the same document.
 */
@Component
@ProcessingGroup(OutlookProjection.GROUP)
class OutlookProjection {

    static final String GROUP = "outlook";

    private final BatchedWrites writes;

    OutlookProjection(ReactiveMongoTemplate mongo, CommissionProperties properties) {
        this.writes = new BatchedWrites(mongo, properties.storeTimeout(), GROUP);
    }

    @EventHandler
    void on(RateLocked event) {
        OutlookDocument existing = load(event.referralId());
        save((existing != null ? existing : OutlookDocument.contracted(event)).withRole(event));
    }

    @EventHandler
    void on(ClientPaymentRecorded event) {
        update(event.referralId(), outlook -> outlook.withNetCash(event.netCash()));
    }

    @EventHandler
    void on(ClientRefundRecorded event) {
        update(event.referralId(), outlook -> outlook.withNetCash(event.netCash()));
    }

    @EventHandler
    void on(ContractAmended event) {
        update(event.referralId(), outlook -> outlook.withContractValue(event.contractValue()));
    }

    @EventHandler
    void on(PaymentScheduleSet event) {
        update(event.referralId(), outlook -> outlook.withSchedule(event.schedule()));
    }

    @EventHandler
    void on(ReferralStageChanged event) {
        update(event.referralId(), outlook -> outlook.withStage(event.stage()));
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
            String introducer = introducerPartnerId != null ? introducerPartnerId : outlook.firstIntroducer();
            return outlook.withEarned(OutlookDocument.key(role, introducer), earnedSoFar);
        });
    }

    private void update(String referralId, UnaryOperator<OutlookDocument> change) {
        OutlookDocument outlook = load(referralId);
        if (outlook != null) {
            save(change.apply(outlook));
        }
    }

    /**
     * As this batch left it: a referral's events of one batch change the outlook one after the other. Its events come
     * from the referral's commission aggregate, so a batch reads all its referrals' outlooks in one request.
     */
    private OutlookDocument load(String referralId) {
        return writes.findOfAggregate(referralId, OutlookDocument.class);
    }

    private void save(OutlookDocument outlook) {
        writes.replace(outlook.referralId(), outlook);
    }
}
