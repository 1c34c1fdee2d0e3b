package com.rapport.gateway.auth.account;

import java.time.Instant;

/** The answer to an invitation: to whom, for which partner, until when. Never the link. */
public record InvitationView(String partnerId, String email, String language, String invitedBy, Instant createdAt,
                             Instant expiresAt) {

    static InvitationView of(Invitation invitation) {
        return new InvitationView(invitation.partnerId(), invitation.email(), invitation.language(),
                invitation.invitedBy(), invitation.createdAt(), invitation.expiresAt());
    }
}
