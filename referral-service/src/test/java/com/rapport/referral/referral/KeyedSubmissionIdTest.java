package com.rapport.referral.referral;

import com.rapport.support.security.Caller;
import com.rapport.support.security.Role;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A retried keyed submission names the referral its first attempt created, whatever happened to that answer. */
class KeyedSubmissionIdTest {

    private static final Caller OPS = new Caller("olga", Set.of(Role.OPS), null);
    private static final Caller OTHER = new Caller("omar", Set.of(Role.OPS), null);

    @Test
    void theSameCallerAndKeyNameTheSameReferral() {
        assertThat(ReferralCommandController.referralIdFor(OPS, "k-1"))
                .isEqualTo(ReferralCommandController.referralIdFor(OPS, "k-1"));
    }

    @Test
    void anotherKeyOrAnotherCallerNamesAnotherReferral() {
        assertThat(ReferralCommandController.referralIdFor(OPS, "k-1"))
                .isNotEqualTo(ReferralCommandController.referralIdFor(OPS, "k-2"))
                .isNotEqualTo(ReferralCommandController.referralIdFor(OTHER, "k-1"));
    }

    @Test
    void withoutAKeyEachSubmissionIsANewReferral() {
        assertThat(ReferralCommandController.referralIdFor(OPS, null))
                .isNotEqualTo(ReferralCommandController.referralIdFor(OPS, null));
    }
}
