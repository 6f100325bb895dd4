package com.warroom.approvals.keeper;

import java.util.List;

/**
 * What one keeper run did: how many PENDING requests it read, and the ids whose workflow it started (or found
 * running), found already ended, or could not start.
 */
public record KeeperRun(int checked, List<String> started, List<String> alreadyStarted, List<String> unavailable) {

    public KeeperRun {
        started = List.copyOf(started);
        alreadyStarted = List.copyOf(alreadyStarted);
        unavailable = List.copyOf(unavailable);
    }
}
