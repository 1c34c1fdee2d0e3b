package com.rapport.gateway.auth.account;

import org.springframework.data.annotation.Id;

import java.time.Instant;

/**
 * An invitation as stored in {@code invitations}: the _id is the SHA-256 of the link's token (the token itself is
 * only in the email). It binds the login to be made to one partner, and remembers the partner's address and language
 * as the referral-service gave them. Spent once accepted.
 */
public record Invitation(@Id String id, String partnerId, String email, String partnerEmail, String language,
                         String invitedBy, Instant createdAt, Instant expiresAt, Instant acceptedAt,
                         String acceptedBy) {
}
