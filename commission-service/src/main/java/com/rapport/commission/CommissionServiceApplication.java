package com.rapport.commission;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Plans, exact accruals and reversals, payout batches, statements and bank files (COMMISSIONS.md). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CommissionServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(CommissionServiceApplication.class, args);
    }
}
