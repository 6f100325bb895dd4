package com.warroom.payouts.api;

import com.warroom.flags.FlagScope;

/**
 * What a user id (and a round id) may be here: what a kill switch's scope can name ({@link FlagScope#ID}), so that ops
 * can stop the payouts of any one user or round.
 */
final class UserIds {

    static final String USER_RULE = "must be 1 to 128 letters, digits, '.', '_' or '-', starting with a letter or digit "
            + "(a kill switch's user scope must be able to name it)";
    static final String ROUND_RULE = "must be 1 to 128 letters, digits, '.', '_' or '-', starting with a letter or digit "
            + "(a kill switch's round scope must be able to name it)";

    private UserIds() {
    }

    static boolean valid(String id) {
        return id != null && FlagScope.ID.matcher(id).matches();
    }
}
