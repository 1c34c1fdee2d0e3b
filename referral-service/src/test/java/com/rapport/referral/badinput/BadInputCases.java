package com.rapport.referral.badinput;

import java.util.List;

/**
 * Bad requests to the partner and referral endpoints and the answer each must get, as plain data so the same table
 * can be sent to this service directly or through the gateway. Every one must leave the state unchanged.
 *
 * <p>Placeholders, replaced by whoever runs the table:
 * <ul>
 * <li>{@code {partner}} / {@code {partnerEmail}}: a registered partner and its email; {@code {otherPartner}}: another;</li>
 * <li>{@code {submitted}}: a referral of {@code {partner}} in status SUBMITTED, for client company
 * {@code Table {marker}} with contact email {@code table-{marker}@client.example};</li>
 * <li>{@code {contracted}}: a referral of {@code {partner}} in status CONTRACTED for 1000.00 EUR, no payment yet;</li>
 * <li>{@code {marker}}: a string unique to the run.</li>
 * </ul>
 * Callers: {@code ops}, {@code finance}, {@code partner} (as {@code {partner}}), {@code otherPartner}, {@code none}
 * (no token), {@code wrongIssuer} and {@code expired} (tokens the service must not accept).
 */
public final class BadInputCases {

    public static final String JSON = "application/json";
    public static final String TEXT = "text/plain";

    /** One bad request and its expected problem. */
    public record BadInput(String name, String method, String path, String caller, String contentType, String body,
                           int status, String problemSlug) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String LONG_201 = "x".repeat(201);
    private static final String LONG_2001 = "x".repeat(2001);
    private static final String LONG_5001 = "x".repeat(5001);
    private static final String OVER_64_KIB = "x".repeat(70_000);

    private static final String PARTNER_OK = "{\"name\": \"N\", \"email\": \"n-{marker}@partner.example\", \"language\": \"en\"}";
    private static final String CLIENT_OK = "{\"company\": \"New {marker}\", \"contactName\": \"Li\", \"contactEmail\": \"new-{marker}@client.example\"}";
    private static final String PAYMENT_OK = "\"paymentId\": \"p-{marker}\", \"kind\": \"DEPOSIT\", \"receivedAt\": \"2026-11-20T10:00:00Z\"";
    private static final String EUR_10 = "{\"amount\": \"10.00\", \"currency\": \"EUR\"}";

    private BadInputCases() {
    }

    private static BadInput post(String name, String path, String caller, String body, int status, String slug) {
        return new BadInput(name, "POST", path, caller, JSON, body, status, slug);
    }

    private static BadInput get(String name, String path, String caller, int status, String slug) {
        return new BadInput(name, "GET", path, caller, null, null, status, slug);
    }

    private static String referral(String client, String extra) {
        return "{\"client\": " + client + ", \"description\": \"d\"" + extra + "}";
    }

    private static String client(String company, String contactName, String contactEmail) {
        return "{\"company\": " + company + ", \"contactName\": " + contactName + ", \"contactEmail\": "
                + contactEmail + "}";
    }

    private static String payment(String amount) {
        return "{" + PAYMENT_OK + ", \"amount\": " + amount + "}";
    }

    public static List<BadInput> all() {
        return List.of(
                // POST /api/partners
                post("partner: broken JSON", "/api/partners", "ops", "{\"name\": ", 400, "malformed-request"),
                post("partner: not JSON", "/api/partners", "ops", "hello", 400, "malformed-request"),
                post("partner: empty body", "/api/partners", "ops", "", 400, "malformed-request"),
                post("partner: array instead of object", "/api/partners", "ops", "[]", 400, "malformed-request"),
                new BadInput("partner: text content type", "POST", "/api/partners", "ops", TEXT, PARTNER_OK, 415,
                        "unsupported-media-type"),
                post("partner: name missing", "/api/partners", "ops",
                        "{\"email\": \"a@b.example\", \"language\": \"en\"}", 400, "validation-failed"),
                post("partner: name blank", "/api/partners", "ops",
                        "{\"name\": \"  \", \"email\": \"a@b.example\", \"language\": \"en\"}", 400, "validation-failed"),
                post("partner: name over 200", "/api/partners", "ops",
                        "{\"name\": \"" + LONG_201 + "\", \"email\": \"a@b.example\", \"language\": \"en\"}", 400,
                        "validation-failed"),
                post("partner: name a number", "/api/partners", "ops",
                        "{\"name\": 42, \"email\": \"a@b.example\", \"language\": \"en\"}", 400, "malformed-request"),
                post("partner: email missing", "/api/partners", "ops", "{\"name\": \"N\", \"language\": \"en\"}", 400,
                        "validation-failed"),
                post("partner: email invalid", "/api/partners", "ops",
                        "{\"name\": \"N\", \"email\": \"not-an-email\", \"language\": \"en\"}", 400, "validation-failed"),
                post("partner: email with a zero-width space", "/api/partners", "ops",
                        "{\"name\": \"N\", \"email\": \"a\\u200b@b.example\", \"language\": \"en\"}", 400,
                        "validation-failed"),
                post("referral: contact email with a byte-order mark", "/api/referrals", "partner",
                        referral(client("\"Invisible {marker}\"", "\"Li\"", "\"li@acme\\ufeffen.example\""), ""), 400,
                        "validation-failed"),
                post("partner: language unsupported", "/api/partners", "ops",
                        "{\"name\": \"N\", \"email\": \"a@b.example\", \"language\": \"de\"}", 400, "validation-failed"),
                post("partner: language a list", "/api/partners", "ops",
                        "{\"name\": \"N\", \"email\": \"a@b.example\", \"language\": [\"en\"]}", 400, "malformed-request"),
                post("partner: unknown introducer", "/api/partners", "ops",
                        "{\"name\": \"N\", \"email\": \"a@b.example\", \"language\": \"en\", \"parentPartnerId\": \"nobody-{marker}\"}",
                        400, "unknown-partner"),
                post("partner: body over 64 KiB", "/api/partners", "ops",
                        "{\"name\": \"" + OVER_64_KIB + "\", \"email\": \"a@b.example\", \"language\": \"en\"}", 413,
                        "payload-too-large"),
                post("partner: registered by a partner", "/api/partners", "partner", PARTNER_OK, 403, "forbidden"),
                post("partner: registered by finance", "/api/partners", "finance", PARTNER_OK, 403, "forbidden"),
                post("partner: no token", "/api/partners", "none", PARTNER_OK, 401, "unauthenticated"),
                post("partner: token of another issuer", "/api/partners", "wrongIssuer", PARTNER_OK, 401,
                        "unauthenticated"),
                post("partner: expired token", "/api/partners", "expired", PARTNER_OK, 401, "unauthenticated"),
                new BadInput("partner: wrong method", "PUT", "/api/partners", "ops", JSON, PARTNER_OK, 405,
                        "method-not-allowed"),

                // GET partners
                get("partner: unknown id", "/api/partners/nobody-{marker}", "ops", 404, "not-found"),
                get("partner: another partner's record", "/api/partners/{otherPartner}", "partner", 404, "not-found"),
                get("partners: listed by a partner", "/api/partners", "partner", 403, "forbidden"),
                get("partners: page size zero", "/api/partners?size=0", "ops", 400, "validation-failed"),
                get("partners: negative page", "/api/partners?page=-1", "finance", 400, "validation-failed"),
                get("partners: page size not a number", "/api/partners?size=many", "ops", 400, "malformed-request"),
                get("partners: me for staff", "/api/partners/me", "ops", 403, "forbidden"),
                get("partners: no token", "/api/partners", "none", 401, "unauthenticated"),

                // POST /api/referrals
                post("referral: broken JSON", "/api/referrals", "partner", "{\"client\": {", 400, "malformed-request"),
                new BadInput("referral: text content type", "POST", "/api/referrals", "partner", TEXT,
                        referral(CLIENT_OK, ""), 415, "unsupported-media-type"),
                post("referral: client missing", "/api/referrals", "partner", "{\"description\": \"d\"}", 400,
                        "validation-failed"),
                post("referral: client a string", "/api/referrals", "partner",
                        "{\"client\": \"Acme\", \"description\": \"d\"}", 400, "malformed-request"),
                post("referral: company missing", "/api/referrals", "partner",
                        referral("{\"contactName\": \"Li\", \"contactEmail\": \"li@c.example\"}", ""), 400,
                        "validation-failed"),
                post("referral: company blank", "/api/referrals", "partner",
                        referral(client("\"   \"", "\"Li\"", "\"li@c.example\""), ""), 400, "validation-failed"),
                post("referral: company over 200", "/api/referrals", "partner",
                        referral(client("\"" + LONG_201 + "\"", "\"Li\"", "\"li@c.example\""), ""), 400,
                        "validation-failed"),
                post("referral: contact name over 200", "/api/referrals", "partner",
                        referral(client("\"C {marker}\"", "\"" + LONG_201 + "\"", "\"li@c.example\""), ""), 400,
                        "validation-failed"),
                post("referral: contact email invalid", "/api/referrals", "partner",
                        referral(client("\"C {marker}\"", "\"Li\"", "\"li at c\""), ""), 400, "validation-failed"),
                post("referral: company a number", "/api/referrals", "partner",
                        referral(client("7", "\"Li\"", "\"li@c.example\""), ""), 400, "malformed-request"),
                post("referral: description missing", "/api/referrals", "partner", "{\"client\": " + CLIENT_OK + "}",
                        400, "validation-failed"),
                post("referral: description over 5000", "/api/referrals", "partner",
                        "{\"client\": " + CLIENT_OK + ", \"description\": \"" + LONG_5001 + "\"}", 400,
                        "validation-failed"),
                post("referral: body over 64 KiB", "/api/referrals", "partner",
                        "{\"client\": " + CLIENT_OK + ", \"description\": \"" + OVER_64_KIB + "\"}", 413,
                        "payload-too-large"),
                post("referral: estimate not a number", "/api/referrals", "partner",
                        referral(CLIENT_OK, ", \"estimatedValue\": {\"amount\": \"lots\", \"currency\": \"EUR\"}"),
                        400, "invalid-money"),
                post("referral: estimate with 3 decimals in EUR", "/api/referrals", "partner",
                        referral(CLIENT_OK, ", \"estimatedValue\": {\"amount\": \"10.001\", \"currency\": \"EUR\"}"),
                        400, "invalid-money"),
                post("referral: estimate with decimals in JPY", "/api/referrals", "partner",
                        referral(CLIENT_OK, ", \"estimatedValue\": {\"amount\": \"100.5\", \"currency\": \"JPY\"}"),
                        400, "invalid-money"),
                post("referral: estimate in an unknown currency", "/api/referrals", "partner",
                        referral(CLIENT_OK, ", \"estimatedValue\": {\"amount\": \"10\", \"currency\": \"XYZ\"}"),
                        400, "invalid-money"),
                post("referral: estimate zero", "/api/referrals", "partner",
                        referral(CLIENT_OK, ", \"estimatedValue\": {\"amount\": 0, \"currency\": \"EUR\"}"), 400,
                        "invalid-money"),
                post("referral: estimate negative", "/api/referrals", "partner",
                        referral(CLIENT_OK, ", \"estimatedValue\": {\"amount\": \"-5.00\", \"currency\": \"EUR\"}"),
                        400, "invalid-money"),
                post("referral: estimate a bare string", "/api/referrals", "partner",
                        referral(CLIENT_OK, ", \"estimatedValue\": \"100 EUR\""), 400, "invalid-money"),
                post("referral: by finance", "/api/referrals", "finance", referral(CLIENT_OK, ""), 403, "forbidden"),
                post("referral: no token", "/api/referrals", "none", referral(CLIENT_OK, ""), 401, "unauthenticated"),
                post("referral: partner for another partner", "/api/referrals", "partner",
                        referral(CLIENT_OK, ", \"partnerId\": \"{otherPartner}\""), 403, "forbidden"),
                post("referral: operations without a partner", "/api/referrals", "ops", referral(CLIENT_OK, ""), 400,
                        "validation-failed"),
                post("referral: operations for an unknown partner", "/api/referrals", "ops",
                        referral(CLIENT_OK, ", \"partnerId\": \"nobody-{marker}\""), 400, "unknown-partner"),
                post("referral: the partner's own address", "/api/referrals", "partner",
                        referral(client("\"Self {marker}\"", "\"Me\"", "\"{partnerEmail}\""), ""), 409,
                        "self-referral"),
                post("referral: same company as an open referral", "/api/referrals", "otherPartner",
                        referral(client("\"  TABLE   {marker} \"", "\"Wu\"", "\"wu-{marker}@other.example\""), ""),
                        409, "duplicate-referral"),
                post("referral: same contact email as an open referral", "/api/referrals", "ops",
                        referral(client("\"Other {marker}\"", "\"Wu\"", "\"TABLE-{marker}@Client.Example\""),
                                ", \"partnerId\": \"{otherPartner}\""), 409, "duplicate-referral"),

                // GET referrals
                get("referral: unknown id", "/api/referrals/nobody-{marker}", "ops", 404, "not-found"),
                get("referral: another partner's referral", "/api/referrals/{submitted}", "otherPartner", 404,
                        "not-found"),
                get("referral: a partner id read as a referral", "/api/referrals/{partner}", "ops", 404, "not-found"),
                get("referrals: unknown status filter", "/api/referrals?status=PENDING", "ops", 400,
                        "validation-failed"),
                get("referrals: page size over the maximum", "/api/referrals?size=1000", "partner", 400,
                        "validation-failed"),
                get("referrals: no token", "/api/referrals", "none", 401, "unauthenticated"),

                // transitions
                post("qualify: unknown referral", "/api/referrals/nobody-{marker}/qualify", "ops", null, 404,
                        "not-found"),
                post("qualify: a partner id", "/api/referrals/{partner}/qualify", "ops", null, 404, "not-found"),
                post("qualify: by the partner", "/api/referrals/{submitted}/qualify", "partner", null, 403,
                        "forbidden"),
                post("qualify: by finance", "/api/referrals/{submitted}/qualify", "finance", null, 403, "forbidden"),
                post("qualify: no token", "/api/referrals/{submitted}/qualify", "none", null, 401, "unauthenticated"),
                post("qualify: a contracted referral", "/api/referrals/{contracted}/qualify", "ops", null, 409,
                        "illegal-transition"),
                post("reject: reason missing", "/api/referrals/{submitted}/reject", "ops", "{}", 400,
                        "validation-failed"),
                post("reject: reason over 2000", "/api/referrals/{submitted}/reject", "ops",
                        "{\"reason\": \"" + LONG_2001 + "\"}", 400, "validation-failed"),
                post("reject: broken JSON", "/api/referrals/{submitted}/reject", "ops", "{reason: no}", 400,
                        "malformed-request"),
                post("reject: a contracted referral", "/api/referrals/{contracted}/reject", "ops",
                        "{\"reason\": \"late\"}", 409, "illegal-transition"),
                post("quote: a submitted referral", "/api/referrals/{submitted}/quote", "ops",
                        "{\"amount\": " + EUR_10 + "}", 409, "illegal-transition"),
                post("quote: amount missing", "/api/referrals/{submitted}/quote", "ops", "{}", 400,
                        "validation-failed"),
                post("quote: amount with 3 decimals", "/api/referrals/{submitted}/quote", "ops",
                        "{\"amount\": {\"amount\": \"1.234\", \"currency\": \"EUR\"}}", 400, "invalid-money"),
                post("contract: already contracted", "/api/referrals/{contracted}/contract", "ops",
                        "{\"contractValue\": " + EUR_10 + ", \"signedAt\": \"2026-11-01T00:00:00Z\"}", 409,
                        "illegal-transition"),
                post("contract: signing date missing", "/api/referrals/{submitted}/contract", "ops",
                        "{\"contractValue\": " + EUR_10 + "}", 400, "validation-failed"),
                post("contract: signing date not a date", "/api/referrals/{submitted}/contract", "ops",
                        "{\"contractValue\": " + EUR_10 + ", \"signedAt\": \"yesterday\"}", 400, "malformed-request"),
                post("contract: value a bare number", "/api/referrals/{submitted}/contract", "ops",
                        "{\"contractValue\": 1000, \"signedAt\": \"2026-11-01T00:00:00Z\"}", 400, "invalid-money"),
                post("contract: value without currency", "/api/referrals/{submitted}/contract", "ops",
                        "{\"contractValue\": {\"amount\": \"1000\"}, \"signedAt\": \"2026-11-01T00:00:00Z\"}", 400,
                        "invalid-money"),
                new BadInput("contract: text content type", "POST", "/api/referrals/{submitted}/contract", "ops",
                        TEXT, "1000 EUR", 415, "unsupported-media-type"),
                post("milestone: a submitted referral", "/api/referrals/{submitted}/milestones", "ops",
                        "{\"name\": \"Kick-off\"}", 409, "illegal-transition"),
                post("milestone: name over 200", "/api/referrals/{contracted}/milestones", "ops",
                        "{\"name\": \"" + LONG_201 + "\"}", 400, "validation-failed"),
                post("milestone: note over 5000", "/api/referrals/{contracted}/milestones", "ops",
                        "{\"name\": \"M\", \"note\": \"" + LONG_5001 + "\"}", 400, "validation-failed"),
                post("milestone: by the partner", "/api/referrals/{contracted}/milestones", "partner",
                        "{\"name\": \"M\"}", 403, "forbidden"),
                post("payment: before the contract", "/api/referrals/{submitted}/payments", "ops", payment(EUR_10),
                        409, "illegal-transition"),
                post("payment: id missing", "/api/referrals/{contracted}/payments", "ops",
                        "{\"amount\": " + EUR_10 + ", \"kind\": \"DEPOSIT\", \"receivedAt\": \"2026-11-20T10:00:00Z\"}",
                        400, "validation-failed"),
                post("payment: unknown kind", "/api/referrals/{contracted}/payments", "ops",
                        "{\"paymentId\": \"p\", \"amount\": " + EUR_10
                                + ", \"kind\": \"CASH\", \"receivedAt\": \"2026-11-20T10:00:00Z\"}", 400,
                        "malformed-request"),
                post("payment: kind a number", "/api/referrals/{contracted}/payments", "ops",
                        "{\"paymentId\": \"p\", \"amount\": " + EUR_10
                                + ", \"kind\": 1, \"receivedAt\": \"2026-11-20T10:00:00Z\"}", 400, "malformed-request"),
                post("payment: date missing", "/api/referrals/{contracted}/payments", "ops",
                        "{\"paymentId\": \"p\", \"amount\": " + EUR_10 + ", \"kind\": \"DEPOSIT\"}", 400,
                        "validation-failed"),
                post("payment: zero", "/api/referrals/{contracted}/payments", "ops",
                        payment("{\"amount\": \"0.00\", \"currency\": \"EUR\"}"), 400, "invalid-money"),
                post("payment: another currency than the contract", "/api/referrals/{contracted}/payments", "ops",
                        payment("{\"amount\": \"10.00\", \"currency\": \"USD\"}"), 409, "currency-mismatch"),
                post("payment: more than the contract value", "/api/referrals/{contracted}/payments", "ops",
                        payment("{\"amount\": \"1000.01\", \"currency\": \"EUR\"}"), 409, "payments-exceed-contract"),
                post("payment: by finance", "/api/referrals/{contracted}/payments", "finance", payment(EUR_10), 403,
                        "forbidden"),
                post("payment: unknown referral", "/api/referrals/nobody-{marker}/payments", "ops", payment(EUR_10),
                        404, "not-found"),
                post("refund: before any payment", "/api/referrals/{contracted}/refunds", "ops",
                        "{\"refundId\": \"r\", \"amount\": " + EUR_10
                                + ", \"reason\": \"x\", \"issuedAt\": \"2026-11-21T10:00:00Z\"}", 409,
                        "refunds-exceed-payments"),
                post("refund: reason missing", "/api/referrals/{contracted}/refunds", "ops",
                        "{\"refundId\": \"r\", \"amount\": " + EUR_10 + ", \"issuedAt\": \"2026-11-21T10:00:00Z\"}",
                        400, "validation-failed"),
                post("deliver: a submitted referral", "/api/referrals/{submitted}/deliver", "ops", null, 409,
                        "illegal-transition"),
                post("complete: a contracted referral", "/api/referrals/{contracted}/complete", "ops", null, 409,
                        "illegal-transition"),
                post("lose: reason missing", "/api/referrals/{submitted}/lose", "ops", "{\"reason\": null}", 400,
                        "validation-failed"),
                post("reassign: after the contract", "/api/referrals/{contracted}/reassign", "ops",
                        "{\"partnerId\": \"{otherPartner}\", \"reason\": \"x\"}", 409, "illegal-transition"),
                post("reassign: to an unknown partner", "/api/referrals/{submitted}/reassign", "ops",
                        "{\"partnerId\": \"nobody-{marker}\", \"reason\": \"x\"}", 400, "unknown-partner"),
                post("reassign: to the partner that has it", "/api/referrals/{submitted}/reassign", "ops",
                        "{\"partnerId\": \"{partner}\", \"reason\": \"x\"}", 409, "already-assigned"),
                post("reassign: partner missing", "/api/referrals/{submitted}/reassign", "ops",
                        "{\"reason\": \"x\"}", 400, "validation-failed"),
                post("rebuild: by a partner", "/api/referrals/projections/rebuild", "partner", null, 403,
                        "forbidden"),
                // PUT /api/partners/{partnerId}
                put("partner update: language unsupported", "/api/partners/{partner}", "ops",
                        "{\"name\": \"N\", \"email\": \"n@x.example\", \"language\": \"de\"}", 400,
                        "validation-failed"),
                put("partner update: email missing", "/api/partners/{partner}", "partner",
                        "{\"name\": \"N\", \"language\": \"en\"}", 400, "validation-failed"),
                put("partner update: by another partner", "/api/partners/{partner}", "otherPartner", PARTNER_OK,
                        404, "not-found"),
                put("partner update: by finance", "/api/partners/{partner}", "finance", PARTNER_OK, 403,
                        "forbidden"),
                put("partner update: unknown partner", "/api/partners/nobody-{marker}", "ops", PARTNER_OK, 404,
                        "not-found"),
                put("partner update: a referral id", "/api/partners/{submitted}", "ops", PARTNER_OK, 404,
                        "not-found"),
                // deals as they really go
                post("amendment: before the contract", "/api/referrals/{submitted}/amendments", "ops",
                        amendment(EUR_10), 409, "illegal-transition"),
                post("amendment: below nothing", "/api/referrals/{contracted}/amendments", "ops",
                        amendment("{\"amount\": \"-1000.00\", \"currency\": \"EUR\"}"), 409,
                        "amendment-below-cash"),
                post("amendment: zero delta", "/api/referrals/{contracted}/amendments", "ops",
                        amendment("{\"amount\": \"0\", \"currency\": \"EUR\"}"), 400, "invalid-money"),
                post("amendment: id missing", "/api/referrals/{contracted}/amendments", "ops",
                        "{\"delta\": " + EUR_10 + ", \"reason\": \"x\", \"signedAt\": \"2026-12-01T10:00:00Z\"}",
                        400, "validation-failed"),
                post("amendment: by the partner", "/api/referrals/{contracted}/amendments", "partner",
                        amendment(EUR_10), 403, "forbidden"),
                post("contract: schedule not adding up", "/api/referrals/{submitted}/contract", "ops",
                        "{\"contractValue\": " + EUR_10 + ", \"signedAt\": \"2026-11-01T10:00:00Z\", "
                                + "\"schedule\": [{\"name\": \"a\", \"dueDate\": \"2027-01-01\", "
                                + "\"amount\": {\"amount\": \"9.99\", \"currency\": \"EUR\"}}]}", 400,
                        "validation-failed"),
                put("schedule: not adding up to the unpaid part", "/api/referrals/{contracted}/schedule", "ops",
                        schedule("999.99"), 400, "validation-failed"),
                put("schedule: due date not a date", "/api/referrals/{contracted}/schedule", "ops",
                        "{\"schedule\": [{\"name\": \"a\", \"dueDate\": \"soon\", \"amount\": " + EUR_10
                                + "}]}", 400, "malformed-request"),
                put("schedule: before the contract", "/api/referrals/{submitted}/schedule", "ops",
                        schedule("10.00"), 409, "illegal-transition"),
                post("split: not adding up to one", "/api/referrals/{submitted}/split", "ops",
                        "{\"shares\": [{\"partnerId\": \"{partner}\", \"share\": \"0.5\"}, "
                                + "{\"partnerId\": \"{otherPartner}\", \"share\": \"0.4\"}]}", 400,
                        "validation-failed"),
                post("split: five digits", "/api/referrals/{submitted}/split", "ops",
                        "{\"shares\": [{\"partnerId\": \"{partner}\", \"share\": \"0.50001\"}, "
                                + "{\"partnerId\": \"{otherPartner}\", \"share\": \"0.49999\"}]}", 400,
                        "validation-failed"),
                post("split: without the referring partner", "/api/referrals/{submitted}/split", "ops",
                        "{\"shares\": [{\"partnerId\": \"{otherPartner}\", \"share\": \"1\"}]}", 400,
                        "validation-failed"),
                post("split: an unknown partner", "/api/referrals/{submitted}/split", "ops",
                        "{\"shares\": [{\"partnerId\": \"{partner}\", \"share\": \"0.5\"}, "
                                + "{\"partnerId\": \"nobody-{marker}\", \"share\": \"0.5\"}]}", 400,
                        "unknown-partner"),
                post("split: after the contract", "/api/referrals/{contracted}/split", "ops",
                        "{\"shares\": [{\"partnerId\": \"{partner}\", \"share\": \"1\"}]}", 409,
                        "illegal-transition"),
                post("follow-on: of a submitted referral", "/api/referrals/{submitted}/follow-ons", "ops",
                        "{\"description\": \"more\"}", 409, "illegal-transition"),
                post("follow-on: description missing", "/api/referrals/{contracted}/follow-ons", "ops", "{}", 400,
                        "validation-failed"),
                post("follow-on: zero estimate", "/api/referrals/{contracted}/follow-ons", "ops",
                        "{\"description\": \"more\", \"estimatedValue\": {\"amount\": \"0\", "
                                + "\"currency\": \"EUR\"}}", 400, "invalid-money"),
                post("follow-on: unknown referral", "/api/referrals/nobody-{marker}/follow-ons", "ops",
                        "{\"description\": \"more\"}", 404, "not-found"),
                post("follow-on: by the partner", "/api/referrals/{contracted}/follow-ons", "partner",
                        "{\"description\": \"more\"}", 403, "forbidden"),
                get("unknown path", "/api/nothing-here", "ops", 404, "not-found"));
    }

    private static BadInput put(String name, String path, String caller, String body, int status, String slug) {
        return new BadInput(name, "PUT", path, caller, JSON, body, status, slug);
    }

    private static String amendment(String delta) {
        return "{\"amendmentId\": \"a-{marker}\", \"delta\": " + delta
                + ", \"reason\": \"x\", \"signedAt\": \"2026-12-01T10:00:00Z\"}";
    }

    private static String schedule(String amount) {
        return "{\"schedule\": [{\"name\": \"a\", \"dueDate\": \"2027-01-01\", \"amount\": "
                + "{\"amount\": \"" + amount + "\", \"currency\": \"EUR\"}}]}";
    }
}
