package com.rapport.gateway.auth.token;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /auth/refresh} and {@code POST /auth/logout}. */
public record RefreshRequest(@NotBlank @Size(max = 4096) String refreshToken) {

    @Override
    public String toString() {
        return "RefreshRequest[...]";
    }
}
