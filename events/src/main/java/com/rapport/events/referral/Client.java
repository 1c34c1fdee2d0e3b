package com.rapport.events.referral;

/** The client a partner introduces. */
public record Client(String company, String contactName, String contactEmail) {
}
