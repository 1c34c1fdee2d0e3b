package com.rapport.gateway.auth.account;

import com.rapport.support.validation.PlainEmail;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /auth/invitations}: who is invited (their address) to be a login of which partner. */
public record NewInvitation(@NotBlank @Size(max = 64) String partnerId,
                            @NotBlank @PlainEmail @Size(max = 254) String email) {
}
