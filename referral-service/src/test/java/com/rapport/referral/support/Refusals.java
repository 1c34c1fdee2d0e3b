package com.rapport.referral.support;

import com.rapport.support.domain.CommandRefused;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches a domain refusal by its reason and problem slug, for {@code expectException(...)} in aggregate tests. */
public final class Refusals {

    private Refusals() {
    }

    public static Matcher<Throwable> refused(CommandRefused.Reason reason, String slug) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable error) {
                return error instanceof CommandRefused refused && refused.reason() == reason
                        && refused.slug().equals(slug);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a command refused as " + reason + " " + slug);
            }

            @Override
            protected void describeMismatchSafely(Throwable error, Description description) {
                description.appendText(error instanceof CommandRefused refused
                        ? "refused as " + refused.reason() + " " + refused.slug() : "was " + error);
            }
        };
    }

    /** Matches a domain refusal carrying this problem member (such as {@code currentStatus}). */
    public static Matcher<Throwable> withMember(String name, Object value) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable error) {
                return error instanceof CommandRefused refused && value.equals(refused.properties().get(name));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a command refused with " + name + " = " + value);
            }
        };
    }
}
