package com.rapport.commission;

import com.rapport.testsupport.ServiceArchitectureTest;

/** The shape rules every service keeps (their own tests, with controllers that break them, are referral's). */
class ArchitectureTest extends ServiceArchitectureTest {
}
