package com.rapport.gateway.auth.user;

import com.rapport.support.security.Role;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Set;

/**
 * {@code POST /auth/users}. API.md: a password under 8 characters is a 400; bcrypt reads at most 72 bytes, so longer
 * ones are refused rather than silently cut. {@code partnerId} is required for, and only for, PARTNER logins.
 */
public record NewUser(
        @NotBlank @Pattern(regexp = Usernames.PATTERN,
                message = "must be 2 to 64 letters, digits or . _ @ + -, starting with a letter or digit")
        String username,
        @NotNull @Size(min = 8, max = 72, message = "must be 8 to 72 characters long") String password,
        @NotEmpty Set<@NotNull Role> roles,
        @Size(max = 64) String partnerId) {
}
