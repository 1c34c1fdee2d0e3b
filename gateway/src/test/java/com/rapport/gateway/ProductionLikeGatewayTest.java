package com.rapport.gateway;

import com.rapport.testsupport.FreePorts;
import com.rapport.testsupport.TestInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway outside the local profile, as in production: no development users. The commission-service is down
 * (nothing listens at its address), the others answer. Classes extending this share one Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ProductionLikeGatewayTest {

    protected static final RecordingService REFERRAL = RecordingService.start("referral");
    protected static final RecordingService NOTIFICATION = RecordingService.start("notification");
    protected static final int DEAD_PORT = FreePorts.next();

    @Autowired
    protected WebTestClient web;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.shared().register(registry, "rapport-gateway-production-it");
        registry.add("rapport.services.referral-uri", () -> REFERRAL.uri().toString());
        registry.add("rapport.services.commission-uri", () -> "http://127.0.0.1:" + DEAD_PORT);
        registry.add("rapport.services.notification-uri", () -> NOTIFICATION.uri().toString());
    }

    protected static String problem(String slug) {
        return GatewayIntegrationTest.PROBLEM_BASE + slug;
    }
}
