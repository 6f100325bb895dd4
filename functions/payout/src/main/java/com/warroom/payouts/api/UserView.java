package com.warroom.payouts.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.warroom.json.Json;
import com.warroom.payments.SortableTime;
import com.warroom.payouts.UserProfile;

/** A user as the users routes answer it. */
final class UserView {

    private UserView() {
    }

    /** @param sealIntact whether the primary wallet matched its seal when it was read */
    static ObjectNode of(UserProfile user, boolean sealIntact) {
        ObjectNode view = Json.mapper().createObjectNode();
        view.put("userId", user.userId());
        ObjectNode wallet = view.putObject("primaryWallet");
        wallet.put("chain", user.primaryWallet().chain());
        wallet.put("address", user.primaryWallet().address());
        view.put("walletSince", SortableTime.format(user.walletSince()));
        view.put("coolingOffUntil", user.coolingOffUntil().map(SortableTime::format).orElse(null));
        view.put("bluecheck", user.standing().bluecheck());
        view.put("kycStatus", user.standing().kycStatus());
        view.put("kycReason", user.standing().kycReason().orElse(null));
        view.put("activeReferralCount", user.standing().activeReferralCount());
        view.put("updatedAt", SortableTime.format(user.updatedAt()));
        view.put("sealIntact", sealIntact);
        return view;
    }
}
