package com.rapport.gateway.auth.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /auth/password-resets}: the address the link should go to. Not checked for being an address: whatever
 * it is, the answer is the same 202.
 */
public record PasswordResetRequest(@NotBlank @Size(max = 254) String email) {
}
