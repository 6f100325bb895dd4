package com.warroom.flags;

import java.util.Arrays;
import java.util.Optional;

/** The kill-switch catalogue. A disabled flag blocks new actions of its flow; history is never changed. */
public enum Flag {
    PROJECT_SUBMISSION("project.submission", false),
    ROUND_APPROVAL("round.approval", false),
    CONTRIBUTE("contribute", true),
    FINALIZE("finalize", true),
    CLAIM_VESTING("claim.vesting", true),
    CLAIM_REFERRAL("claim.referral", true),
    CLAIM_SBT("claim.sbt", true),
    PAYOUT("payout", true),
    REFUND("refund", true),
    FEED_POSTING("feed.posting", false),
    AMA_JOIN_TOKEN("ama.join_token", false),
    NOTIFICATION_REMINDER("notification.reminder", false);

    private final String key;
    private final boolean fundRelated;

    Flag(String key, boolean fundRelated) {
        this.key = key;
        this.fundRelated = fundRelated;
    }

    public String key() {
        return key;
    }

    /** Fund-related flags need two-person approval to re-enable and fail closed when state is unknown. */
    public boolean fundRelated() {
        return fundRelated;
    }

    public static Optional<Flag> fromKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
    }

    public static String catalogue() {
        return String.join(", ", Arrays.stream(values()).map(Flag::key).toList());
    }
}
