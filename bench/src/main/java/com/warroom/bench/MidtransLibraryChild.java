package com.warroom.bench;

import com.midtrans.Config;
import com.midtrans.httpclient.TransactionApi;

/**
 * A child of {@link MidtransClientFootprint} with Midtrans's Java library beside the payments Lambda jar: one
 * get-status ({@code TransactionApi.checkTransaction}) as the library's documentation shows it. The library has no
 * setting for its base URL (sandbox or production only), so the call goes to api.sandbox.midtrans.com: on a machine
 * without Internet it fails at the name lookup, which still loads everything the library needs to build and send it.
 */
public final class MidtransLibraryChild {

    private MidtransLibraryChild() {
    }

    public static void main(String[] args) {
        long begin = System.nanoTime();
        Config config = Config.builder().setServerKey(MidtransClientFootprint.KEY).setIsProduction(false).build();
        String outcome;
        try {
            outcome = "answered:" + TransactionApi.checkTransaction(MidtransClientFootprint.ORDER, config).optString("status_code");
        } catch (Exception e) {
            outcome = "failed:" + e.getClass().getSimpleName();
        }
        long nanos = System.nanoTime() - begin;
        System.out.println(MidtransClientFootprint.MARKER + " variant=midtrans-library answeredNs=" + nanos + " outcome=" + outcome);
        System.out.flush();
        System.exit(0);
    }
}
