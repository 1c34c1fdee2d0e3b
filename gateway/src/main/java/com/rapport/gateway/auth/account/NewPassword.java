package com.rapport.gateway.auth.account;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /auth/password-resets/{token}}: the new password, by the rules of any login. */
public record NewPassword(
        @NotNull @Size(min = 8, max = 72, message = "must be 8 to 72 characters long") String password) {

    @Override
    public String toString() {
        return "NewPassword[...]";
    }
}
