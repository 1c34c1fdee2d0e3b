package com.rapport.commission.plan;

/** Whether a plan has been published; what a plan assignment checks before it is accepted. */
@FunctionalInterface
public interface KnownPlans {

    boolean exists(String planId);
}
