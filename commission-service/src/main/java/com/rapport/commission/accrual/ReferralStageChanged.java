package com.rapport.commission.accrual;

public record ReferralStageChanged(String referralId, ReferralStage stage, String sourceEventId) {
}
