package com.rapport.gateway.auth.token;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /auth/token}. The sizes only keep absurd input away from bcrypt and the database. */
public record Credentials(@NotBlank @Size(max = 128) String username, @NotBlank @Size(max = 1024) String password) {

    @Override
    public String toString() {
        // never log a password
        return "Credentials[username=" + username + "]";
    }
}
