package com.rapport.notification.intake;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Tells the waiting referral events whose wait is over (without the commission they waited for), in order. */
@Component
class HeldEventsRelease {

    private static final Logger log = LoggerFactory.getLogger(HeldEventsRelease.class);

    private final HeldEvents held;
    private final ReferralEventIntake intake;

    HeldEventsRelease(HeldEvents held, ReferralEventIntake intake) {
        this.held = held;
        this.intake = intake;
    }

    @Scheduled(fixedDelayString = "${rapport.notification.enrichment.check-interval}")
    void releaseDue() {
        try {
            held.referralsDue().forEach(referralId -> {
                try {
                    intake.releaseWaiting(referralId);
                } catch (RuntimeException e) {
                    // e.g. the partner is not known yet: the events stay held and are tried again next time
                    log.info("Waiting events of referral {} not told yet: {}", referralId, e.getMessage());
                }
            });
        } catch (RuntimeException e) {
            log.warn("Release of held events failed: {}", e.toString());
        }
    }
}
