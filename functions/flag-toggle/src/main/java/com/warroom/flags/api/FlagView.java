package com.warroom.flags.api;

import com.warroom.flags.FlagRecord;

/** A flag state as the API shows it. {@code changed} is only set on answers to a set request. */
record FlagView(String flag, String scope, boolean enabled, String reason, String updatedBy, String updatedByEmail,
                String updatedAt, long version, Boolean changed) {

    static FlagView of(FlagRecord r, Boolean changed) {
        return new FlagView(r.flag(), r.scope(), r.enabled(), r.reason(), r.updatedBy(), r.updatedByEmail(),
                r.updatedAt(), r.version(), changed);
    }
}
