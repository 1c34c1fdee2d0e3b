package com.rapport.gateway.auth.account;

import com.rapport.gateway.auth.user.Usernames;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /auth/invitations/{token}/accept}: the login the invited person chooses, by the rules of any login. */
public record InvitationAcceptance(
        @NotBlank @Pattern(regexp = Usernames.PATTERN,
                message = "must be 2 to 64 letters, digits or . _ @ + -, starting with a letter or digit")
        String username,
        @NotNull @Size(min = 8, max = 72, message = "must be 8 to 72 characters long") String password) {

    @Override
    public String toString() {
        return "InvitationAcceptance[username=" + username + "]";
    }
}
