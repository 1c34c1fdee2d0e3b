package com.rapport.referral;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Partners and referrals: Axon aggregates with their events in MongoDB, read models in MongoDB, relay to Kafka. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ReferralServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReferralServiceApplication.class, args);
    }
}
