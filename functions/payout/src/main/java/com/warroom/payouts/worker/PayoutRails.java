package com.warroom.payouts.worker;

import com.warroom.payouts.rail.PayoutRail;

/** The rail payouts are paid through in this process: the custody API the topology names. */
public final class PayoutRails {

    private PayoutRails() {
    }

    public static PayoutRail custody() {
        throw new IllegalStateException("the custody rail lands with issue 11's rail");
    }
}
