package com.rapport.notification.delivery.email;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * Per partner: the local day ({@code YYYY-MM-DD}) of its last digest, so a day never gets two, and the claim an
 * instance holds while it sends one.
 */
@Document("digest-log")
public record DigestLog(@Id String partnerId, String lastSentOn, Instant claimedUntil) {
}
