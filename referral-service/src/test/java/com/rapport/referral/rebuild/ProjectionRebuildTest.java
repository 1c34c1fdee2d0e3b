package com.rapport.referral.rebuild;

import com.fasterxml.jackson.databind.JsonNode;
import com.rapport.referral.partner.query.PartnerView;
import com.rapport.referral.referral.query.ReferralView;
import com.rapport.referral.support.ReferralServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;

import java.util.Map;

import static com.rapport.referral.support.Api.assertProblem;
import static com.rapport.referral.support.Api.money;
import static org.assertj.core.api.Assertions.assertThat;

class ProjectionRebuildTest extends ReferralServiceIntegrationTest {

    @Autowired
    private MongoTemplate mongo;

    @Test
    void readModelsThrownAwayAreRebuiltFromTheEventStoreAsTheyWere() {
        String partner = api.registerPartner("Rebuilt");
        String referral = api.submitReferral(partner);
        api.post("/api/referrals/" + referral + "/qualify", tokens.ops(), null, HttpStatus.OK);
        api.post("/api/referrals/" + referral + "/contract", tokens.ops(), Map.of("contractValue",
                money("900.00", "EUR"), "signedAt", "2026-11-01T00:00:00Z"), HttpStatus.OK);
        JsonNode referralBefore = api.get("/api/referrals/" + referral, tokens.ops(), HttpStatus.OK);
        JsonNode partnerBefore = api.get("/api/partners/" + partner, tokens.ops(), HttpStatus.OK);

        mongo.remove(new Query(), ReferralView.class);
        mongo.remove(new Query(), PartnerView.class);
        api.get("/api/referrals/" + referral, tokens.ops(), HttpStatus.NOT_FOUND);

        JsonNode report = api.post("/api/referrals/projections/rebuild", tokens.admin(), null, HttpStatus.OK);
        assertThat(report.get("eventsReplayed").asLong()).isGreaterThanOrEqualTo(4);
        assertThat(report.get("referrals").asLong()).isPositive();
        assertThat(api.get("/api/referrals/" + referral, tokens.ops(), HttpStatus.OK)).isEqualTo(referralBefore);
        assertThat(api.get("/api/partners/" + partner, tokens.ops(), HttpStatus.OK)).isEqualTo(partnerBefore);
    }

    @Test
    void rebuildingTwiceChangesNothing() {
        String referral = api.submitReferral(api.registerPartner("Twice"));
        JsonNode before = api.get("/api/referrals/" + referral, tokens.ops(), HttpStatus.OK);
        api.post("/api/referrals/projections/rebuild", tokens.ops(), null, HttpStatus.OK);
        api.post("/api/referrals/projections/rebuild", tokens.ops(), null, HttpStatus.OK);
        assertThat(api.get("/api/referrals/" + referral, tokens.ops(), HttpStatus.OK)).isEqualTo(before);
    }

    @Test
    void onlyOperationsRebuilds() {
        assertProblem(api.post("/api/referrals/projections/rebuild", tokens.finance(), null, HttpStatus.FORBIDDEN),
                403, "forbidden");
        assertProblem(api.post("/api/referrals/projections/rebuild", tokens.partner("p"), null,
                HttpStatus.FORBIDDEN), 403, "forbidden");
    }
}
