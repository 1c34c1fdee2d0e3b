package com.rapport.events;

/** Kafka topic names of the contract. */
public final class Topics {

    public static final String REFERRAL_EVENTS = "referral-events";
    public static final String COMMISSION_EVENTS = "commission-events";

    /** Records that cannot be processed go to {@code <topic>.dlt} with the reason in a header. */
    public static final String DEAD_LETTER_SUFFIX = ".dlt";
    public static final String DEAD_LETTER_REASON_HEADER = "rapport-dlt-reason";

    private Topics() {
    }

    public static String deadLetterTopicOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
