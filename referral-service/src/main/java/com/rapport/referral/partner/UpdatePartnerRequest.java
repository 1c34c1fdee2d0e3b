package com.rapport.referral.partner;

import com.rapport.support.validation.PlainEmail;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code PUT /api/partners/{partnerId}}: every field is given, as the partner is after the change. */
public record UpdatePartnerRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @PlainEmail @Size(max = 254) String email,
        @NotBlank @Pattern(regexp = PartnerLanguage.CODES_PATTERN, message = "must be en, fr or zh") String language) {
}
