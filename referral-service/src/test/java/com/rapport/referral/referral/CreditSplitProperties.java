package com.rapport.referral.referral;

import com.rapport.support.id.ReferralId;
import com.rapport.support.id.PartnerId;
import com.rapport.referral.partner.RegisteredPartner;
import com.rapport.support.domain.CommandRefused;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.axonframework.test.aggregate.AggregateTestFixture;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** The share arithmetic of API.md: any split into parts of at most 4 digits adding up to exactly 1 is taken. */
class CreditSplitProperties {

    private static final ReferralId REFERRAL = new ReferralId("referral-1");
    private static final PartnerId PARTNER = new PartnerId("partner-0");
    private static final ReferralSubmitted SUBMITTED = new ReferralSubmitted(REFERRAL, PARTNER,
            new ReferredClient("Acme", "Li", "li@acme.example"), "d", null);

    private static AggregateTestFixture<Referral> fixture() {
        return new AggregateTestFixture<>(Referral.class);
    }

    /** Every partner named exists, as the partner directory answers it into the command. */
    private static SplitCredit split(List<IntroducerShare> shares) {
        Map<PartnerId, RegisteredPartner> found = shares.stream().map(IntroducerShare::partnerId).distinct()
                .collect(Collectors.toMap(Function.identity(),
                        id -> new RegisteredPartner(id, id.value() + "@partner.example")));
        return new SplitCredit(REFERRAL, shares).between(found);
    }

    /** Two to six parts in ten-thousandths, each at least 1, adding up to 10000 (one part of 1 is no split). */
    @Provide
    Arbitrary<List<Integer>> wholeSplits() {
        return Arbitraries.integers().between(2, 6).flatMap(parts -> Arbitraries.integers().between(1, 9999)
                .set().ofSize(parts - 1).map(cuts -> {
                    List<Integer> sorted = new ArrayList<>(cuts);
                    sorted.add(0);
                    sorted.add(10000);
                    sorted.sort(Integer::compare);
                    return IntStream.range(1, sorted.size()).mapToObj(i -> sorted.get(i) - sorted.get(i - 1))
                            .toList();
                }));
    }

    private static List<IntroducerShare> shares(List<Integer> tenThousandths) {
        return IntStream.range(0, tenThousandths.size())
                .mapToObj(i -> new IntroducerShare(new PartnerId("partner-" + i),
                        BigDecimal.valueOf(tenThousandths.get(i), 4)))
                .toList();
    }

    @Property(tries = 200)
    void sharesOfAtMostFourDigitsAddingUpToOneAreTaken(@ForAll("wholeSplits") List<Integer> split) {
        List<IntroducerShare> shares = shares(split);
        fixture().given(SUBMITTED)
                .when(split(shares))
                .expectEvents(new CreditSplit(REFERRAL, PARTNER, shares));
    }

    @Property(tries = 200)
    void sharesAddingUpToAnythingButOneAreRefused(@ForAll("wholeSplits") List<Integer> split,
                                                   @ForAll("offsets") int offset) {
        List<Integer> off = new ArrayList<>(split);
        off.set(0, off.get(0) + offset);
        if (off.get(0) <= 0) {
            off.set(0, 1);
            if (off.stream().mapToInt(Integer::intValue).sum() == 10000) {
                return;
            }
        }
        fixture().given(SUBMITTED)
                .when(split(shares(off)))
                .expectNoEvents()
                .expectException(CommandRefused.class);
    }

    @Provide
    Arbitrary<Integer> offsets() {
        return Arbitraries.oneOf(Arbitraries.integers().between(-9999, -1), Arbitraries.integers().between(1, 9999));
    }
}
