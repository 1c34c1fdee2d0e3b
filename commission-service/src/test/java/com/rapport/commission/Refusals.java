package com.rapport.commission;

import com.rapport.support.domain.CommandRefused;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

import java.util.Map;

/**
 * Matches the {@link CommandRefused} an aggregate throws by what the caller will see of it: the reason (hence the
 * status) and the problem slug, optionally members. For {@code AggregateTestFixture}'s {@code expectException}.
 */
public final class Refusals {

    private Refusals() {
    }

    public static Matcher<CommandRefused> refused(CommandRefused.Reason reason, String slug) {
        return refused(reason, slug, Map.of());
    }

    /** Also requires each of {@code members} among the refusal's properties, with that value. */
    public static Matcher<CommandRefused> refused(CommandRefused.Reason reason, String slug,
                                                  Map<String, Object> members) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(CommandRefused refusal, Description mismatch) {
                mismatch.appendText("refused ").appendValue(refusal.reason()).appendText(" ")
                        .appendValue(refusal.slug()).appendText(" with ").appendValue(refusal.properties());
                return refusal.reason() == reason && refusal.slug().equals(slug) && members.entrySet().stream()
                        .allMatch(m -> m.getValue().equals(refusal.properties().get(m.getKey())));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("refused ").appendValue(reason).appendText(" ").appendValue(slug);
                if (!members.isEmpty()) {
                    description.appendText(" with ").appendValue(members);
                }
            }
        };
    }
}
