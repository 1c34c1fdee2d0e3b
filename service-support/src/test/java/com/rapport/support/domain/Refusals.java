package com.rapport.support.domain;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

import java.util.Map;

/**
 * Matches the {@link CommandRefused} an aggregate or a domain service throws by what the caller will see of it: the
 * reason (hence the status), the problem slug and, optionally, members. For {@code AggregateTestFixture}'s
 * {@code expectException(...)} and for assertions on a caught refusal. Shared by the services' tests through
 * service-support's test jar.
 */
public final class Refusals {

    private Refusals() {
    }

    public static Matcher<Throwable> refused(CommandRefused.Reason reason, String slug) {
        return refused(reason, slug, Map.of());
    }

    /** Also requires each of {@code members} among the refusal's properties, with that value. */
    public static Matcher<Throwable> refused(CommandRefused.Reason reason, String slug, Map<String, Object> members) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable error, Description mismatch) {
                if (!(error instanceof CommandRefused refusal)) {
                    mismatch.appendText("was ").appendValue(error);
                    return false;
                }
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
