package com.rapport.commission.dispute;

public enum DisputeOutcome {
    UPHELD, DISMISSED
}
