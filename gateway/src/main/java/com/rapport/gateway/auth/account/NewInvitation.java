package com.rapport.gateway.auth.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /auth/invitations}: who is invited (their address) to be a login of which partner. */
public record NewInvitation(@NotBlank @Size(max = 64) String partnerId,
                            @NotBlank @Email @Size(max = 254) String email) {
}
