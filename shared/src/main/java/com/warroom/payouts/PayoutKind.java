package com.warroom.payouts;

import com.warroom.flags.Flag;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Why money goes out: each kind is gated by the payout flag and, for claims and refunds, by its own flow's flag. */
public enum PayoutKind {
    REFUND(Flag.REFUND),
    VESTING_CLAIM(Flag.CLAIM_VESTING),
    REFERRAL_CLAIM(Flag.CLAIM_REFERRAL),
    SBT_CLAIM(Flag.CLAIM_SBT),
    WITHDRAWAL(null);

    private final Flag flowFlag;

    PayoutKind(Flag flowFlag) {
        this.flowFlag = flowFlag;
    }

    /** The kill switches that must all allow a payout of this kind: {@code payout}, then the kind's own flow. */
    public List<Flag> flags() {
        return flowFlag == null ? List.of(Flag.PAYOUT) : List.of(Flag.PAYOUT, flowFlag);
    }

    public static Optional<PayoutKind> parse(String name) {
        return Arrays.stream(values()).filter(k -> k.name().equals(name)).findFirst();
    }

    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(Enum::name).toList());
    }
}
