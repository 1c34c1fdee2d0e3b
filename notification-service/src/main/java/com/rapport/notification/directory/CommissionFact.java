package com.rapport.notification.directory;

/** Something commission-service told that a referral notification may mention, once. */
public sealed interface CommissionFact permits RateLock, IntroducerCommission {

    String id();

    /** The commission event itself, as JSON, for telling it on its own. */
    String cloudEvent();
}
