package com.warroom.approvals.keeper;

import com.warroom.approvals.ApprovalRequest;
import com.warroom.approvals.ApprovalStatus;
import com.warroom.approvals.ApprovalStore;
import com.warroom.approvals.ApprovalWorkflowStarter;
import com.warroom.observability.OpsMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the approval workflow of PENDING requests whose start was lost: the route recorded the request but Step
 * Functions could not be reached, so no workflow took it on ({@code workflowStartedAt} is null) and nobody can decide
 * it. It leaves alone a request younger than the grace period (the route that recorded it may be starting it right
 * now), an expired one (its workflow would only record it EXPIRED; nothing to gain), and one a workflow took on.
 *
 * <p>Exactly once per request, even when two runs overlap (a slow run and the next schedule, a retry): the
 * execution is named after the request, and Step Functions answers a second start of the same name and input with
 * the execution already running, and refuses it once that execution ended. The keeper adds no lock of its own.
 */
public final class ApprovalKeeper {

    /** Counted for each request whose workflow this keeper started (or found just started by an overlapping run). */
    public static final String RESTARTED_METRIC = "ApprovalWorkflowRestarted";
    /**
     * Counted for each request still PENDING, never taken on, whose execution has ended: the workflow failed before
     * recording an outcome, and starting again is refused. It stays PENDING until it expires; a person looks.
     */
    public static final String STUCK_METRIC = "ApprovalStuckPending";
    /** How young a request the keeper leaves to the route that recorded it. */
    public static final Duration GRACE = Duration.ofMinutes(2);

    static final int PAGE = 100;
    private static final Logger LOG = LoggerFactory.getLogger(ApprovalKeeper.class);

    private final ApprovalStore store;
    private final ApprovalWorkflowStarter workflow;
    private final Clock clock;

    public ApprovalKeeper(ApprovalStore store, ApprovalWorkflowStarter workflow, Clock clock) {
        this.store = store;
        this.workflow = workflow;
        this.clock = clock;
    }

    /** Pages through every PENDING request and starts the workflow of each whose start was lost. */
    public KeeperRun run() {
        Instant now = clock.instant();
        int checked = 0;
        List<String> started = new ArrayList<>();
        List<String> alreadyStarted = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        Optional<ApprovalStore.PageKey> after = Optional.empty();
        do {
            ApprovalStore.Listing page = store.newest(ApprovalStatus.PENDING, PAGE, after);
            for (ApprovalRequest listed : page.requests()) {
                checked++;
                // the status index is eventually consistent: what it lists is confirmed by a strongly consistent read
                if (!startLost(listed, now) || !store.find(listed.id()).map(r -> startLost(r, now)).orElse(false)) {
                    continue;
                }
                switch (workflow.startRecorded(listed.id())) {
                    case ApprovalWorkflowStarter.Start.Started s -> {
                        OpsMetrics.count(RESTARTED_METRIC);
                        LOG.info("approval {}: its workflow had not started; started it ({})", listed.id(), s.executionArn());
                        started.add(listed.id());
                    }
                    case ApprovalWorkflowStarter.Start.AlreadyStarted a -> {
                        OpsMetrics.count(STUCK_METRIC);
                        LOG.error("approval {}: still PENDING and never taken on, but its workflow execution has ended; "
                                + "it cannot be decided and will expire: look at the execution's history", listed.id());
                        alreadyStarted.add(listed.id());
                    }
                    // startRecorded has logged it and counted ApprovalWorkflowStartFailed
                    case ApprovalWorkflowStarter.Start.Unavailable u -> unavailable.add(listed.id());
                }
            }
            after = page.next();
        } while (after.isPresent());
        return new KeeperRun(checked, started, alreadyStarted, unavailable);
    }

    private static boolean startLost(ApprovalRequest request, Instant now) {
        if (!request.hasStatus(ApprovalStatus.PENDING) || request.workflowStartedAt() != null) {
            return false;
        }
        if (!ApprovalRequest.validId(request.id())) {
            // not written by Warroom (every writer checks the id): no execution can carry that name
            LOG.error("approval {}: PENDING under an id that is not an execution name; left alone", request.id());
            return false;
        }
        Optional<Instant> requestedAt = instant(request.requestedAt());
        Optional<Instant> expiresAt = instant(request.expiresAt());
        return requestedAt.isPresent() && expiresAt.isPresent()
                && !requestedAt.get().isAfter(now.minus(GRACE)) && now.isBefore(expiresAt.get());
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.ofNullable(text).map(Instant::parse);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Reads only: the newest PENDING request, as a run's first page does. */
    void prime() {
        store.newest(ApprovalStatus.PENDING, 1, Optional.empty());
    }
}
