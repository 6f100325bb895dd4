package com.warroom.incidents.evidence;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Where no log groups and no local log folder are configured: the bundle says so instead of claiming no lines matched. */
final class NoLogSearch implements LogSearch {

    @Override
    public LogResults search(Set<String> terms, Instant from, Instant to) {
        return new LogResults("none", List.of(), "", "NoLogs: neither WARROOM_LOG_GROUPS nor WARROOM_LOCAL_LOG_DIR is set", List.of());
    }
}
