package com.rapport.gateway.auth.account;

import org.springframework.data.annotation.Id;

import java.time.Instant;

/** A password-reset link as stored in {@code password_resets}: the _id is the SHA-256 of its token. */
public record PasswordReset(@Id String id, String username, Instant createdAt, Instant expiresAt, Instant usedAt) {
}
