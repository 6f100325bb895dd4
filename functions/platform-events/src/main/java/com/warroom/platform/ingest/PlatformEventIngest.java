package com.warroom.platform.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.aws.TransactionRace;
import com.warroom.config.FeeRule;
import com.warroom.json.Json;
import com.warroom.ledger.JournalEntry;
import com.warroom.ledger.LedgerWrite;
import com.warroom.money.DecimalAmount;
import com.warroom.observability.OpsMetrics;
import com.warroom.slo.SloCatalog;
import com.warroom.slo.SloEvents;
import com.warroom.payments.SortableTime;
import com.warroom.platform.EventBridgeMessage;
import com.warroom.platform.EventDetail;
import com.warroom.platform.FeeRuleBook;
import com.warroom.platform.PlatformEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Takes in one platform event (the EventBridge event a message of the platform-events queue carries): validates it and
 * posts it in one {@code TransactWriteItems}: its platform-events item (only if its id is new), its journal entry and
 * its round totals, so an event is either wholly taken in or not at all. Idempotent by event id: the same event again is
 * a no-op. An event that can never be taken in (unreadable, an invalid field, an unknown fee rule, its id reused with
 * other content, a round finalized twice) is parked in the dead-letter queue with its reason, not retried; anything
 * else that fails (throttling, a seal that cannot be checked, races that keep being lost) throws, so the message comes
 * back and, after the queue's receives, lands in the dead-letter queue.
 */
public final class PlatformEventIngest {

    public static final String POSTED_METRIC = "PlatformEventPosted";
    public static final String DUPLICATE_METRIC = "PlatformEventDuplicate";
    public static final String DEAD_LETTERED_METRIC = "PlatformEventDeadLettered";

    /** How often an event is prepared again after a refused transaction before its message is left to come back. */
    static final int MAX_ATTEMPTS = 10;
    private static final long MAX_BACKOFF_MILLIS = 200;
    private static final Logger LOG = LoggerFactory.getLogger(PlatformEventIngest.class);

    /** How taking in one message ended. */
    public enum Outcome {
        POSTED, DUPLICATE, DEAD_LETTERED
    }

    /** The tables an event's transaction writes and the fee rules it reads. */
    public record Stores(DynamoDbEnhancedClient client, PlatformEventStore events, RoundStore rounds, FeeRuleBook feeRules) {
    }

    /**
     * An event that would take an account below zero: a refund before the contributions it pays back. It waits for
     * them (the message comes back) until its last receive, when it is parked with the reason.
     */
    static final class EarlierEventsMissing extends RuntimeException {
        EarlierEventsMissing(String reason) {
            super(reason);
        }
    }

    private final DynamoDbEnhancedClient client;
    private final PlatformEventStore events;
    private final RoundStore rounds;
    private final FeeRuleBook feeRules;
    private final Journal journal;
    private final DeadLetters deadLetters;
    private final int lastReceive;
    private final Clock clock;

    /** @param lastReceive the queue's max receive count: the receive after which the queue would dead-letter the message */
    // the contribute, claim and refund SLOs count each event taken in or dead-lettered (README: SLOs and the weekly report)
    private static final SloEvents SLO_EVENTS = new SloEvents(SloCatalog.load());

    public PlatformEventIngest(Stores stores, Journal journal, DeadLetters deadLetters, int lastReceive, Clock clock) {
        this.client = stores.client();
        this.events = stores.events();
        this.rounds = stores.rounds();
        this.feeRules = stores.feeRules();
        this.journal = journal;
        this.deadLetters = deadLetters;
        this.lastReceive = lastReceive;
        this.clock = clock;
    }

    /** Takes in the message's body; {@code receiveCount} is how often SQS has handed it out (1 the first time). */
    public Outcome take(String body, int receiveCount) {
        PlatformEvent event;
        switch (EventBridgeMessage.parse(body)) {
            case EventBridgeMessage.Parsed.Invalid invalid -> {
                return deadLetter(body, invalid.reason(), field(body, "id"), field(body, "detail-type"));
            }
            case EventBridgeMessage.Parsed.Valid valid -> event = valid.event();
        }
        for (int attempt = 1; ; attempt++) {
            Optional<Outcome> done = attempt(event, body, receiveCount);
            if (done.isPresent()) {
                return done.get();
            }
            if (attempt == MAX_ATTEMPTS) {
                throw new IllegalStateException("event " + event.eventId() + ": " + MAX_ATTEMPTS
                        + " transactions in a row were refused; the message comes back for another try");
            }
            TransactionRace.backOff(attempt + 2, MAX_BACKOFF_MILLIS);
        }
    }

    /** One try from fresh reads: the outcome, or empty when a concurrent write came first and it must be prepared again. */
    private Optional<Outcome> attempt(PlatformEvent event, String body, int receiveCount) {
        Optional<PlatformEventStore.Stored> stored = events.find(event.eventId());
        if (stored.isPresent()) {
            return Optional.of(sameContent(stored.get(), event) ? duplicate(event)
                    : deadLetter(body, "id: event " + event.eventId() + " was taken in before with other content (" + stored.get().type()
                            + " " + stored.get().detail() + "); this one is " + event.type().detailType() + " " + event.detailText(),
                            event));
        }
        Optional<FeeRule> feeRule = Optional.empty();
        if (event.detail() instanceof EventDetail.Fee fee) {
            switch (feeRules.rule(fee.ruleId())) {
                case FeeRuleBook.Found.Unknown unknown -> {
                    return Optional.of(deadLetter(body, unknown.error().field() + ": " + unknown.error().message(), event));
                }
                case FeeRuleBook.Found.Rule rule -> feeRule = Optional.of(rule.rule());
            }
        }
        Instant now = clock.instant();
        var request = TransactWriteItemsEnhancedRequest.builder();
        Optional<JournalEntry> entry = EventPostings.entryOf(event, feeRule);
        if (entry.isPresent()) {
            switch (journal.prepare(entry.get())) {
                case LedgerWrite.Writes writes -> writes.writes().forEach(w -> w.accept(request));
                case LedgerWrite.AlreadyPosted posted -> {
                    // its own transaction committed since the read above (a duplicate racing this one): read again
                    LOG.info("event {}: entry {} is already posted; reading the event again", event.eventId(), posted.entryId());
                    return Optional.empty();
                }
                case LedgerWrite.Overdrawn overdrawn -> {
                    String reason = "detail.amount: would take " + overdrawn.account() + " below zero (to "
                            + DecimalAmount.format(overdrawn.balanceAfter()) + " " + overdrawn.balanceAfter().currency()
                            + "): the events it reverses are not all in";
                    if (receiveCount >= lastReceive) {
                        return Optional.of(deadLetter(body, reason, event));
                    }
                    throw new EarlierEventsMissing("event " + event.eventId() + ": " + reason + "; it comes back to wait for them");
                }
            }
        }
        switch (event.detail()) {
            case EventDetail.Contribution c -> {
                Optional<RoundStore.Total> total = rounds.total(c.roundId(), c.asset());
                boolean first = !rounds.hasContributor(c.roundId(), c.userId());
                rounds.putTotal(total.orElse(RoundStore.Total.none(c.roundId(), c.asset())).contributed(c.amount().minor(), first), total)
                        .accept(request);
                if (first) {
                    rounds.putContributor(c.roundId(), c.userId(), c.asset(), event.eventId(), event.occurredAt()).accept(request);
                }
            }
            case EventDetail.Refund r -> {
                Optional<RoundStore.Total> total = rounds.total(r.roundId(), r.asset());
                rounds.putTotal(total.orElse(RoundStore.Total.none(r.roundId(), r.asset())).refunded(r.amount().minor()), total)
                        .accept(request);
            }
            case EventDetail.Finalization f -> {
                Optional<RoundStore.Finalization> before = rounds.finalization(f.roundId());
                if (before.isPresent()) {
                    return Optional.of(deadLetter(body, "detail.roundId: round " + f.roundId() + " was finalized before, by event "
                            + before.get().eventId(), event));
                }
                rounds.putFinalization(new RoundStore.Finalization(f.roundId(), f.asset(), f.totalRaised().minor(), f.contributorCount(),
                        event.eventId(), SortableTime.format(event.occurredAt()))).accept(request);
            }
            case EventDetail.Fee fee -> { }
            case EventDetail.Referral referral -> { }
        }
        events.putNew(event, now, entry.map(JournalEntry::id)).accept(request);
        try {
            client.transactWriteItems(request.build());
        } catch (TransactionCanceledException e) {
            if (!TransactionRace.lost(e)) {
                throw e;
            }
            LOG.info("event {}: transaction refused {}; preparing again", event.eventId(), e.cancellationReasons());
            return Optional.empty();
        }
        OpsMetrics.count(POSTED_METRIC);
        SLO_EVENTS.platformEvent(event.type().detailType()).ifPresent(slo -> SloEvents.count(slo, true));
        LOG.info("event {} ({}) taken in{}", event.eventId(), event.type().detailType(),
                entry.map(e -> ", posted as " + e.id()).orElse(""));
        return Optional.of(Outcome.POSTED);
    }

    // the same id with the same type and detail is the same event, whenever and however it came (a redelivery, the HTTP
    // route called again, which stamps its own time)
    private static boolean sameContent(PlatformEventStore.Stored stored, PlatformEvent event) {
        return stored.type().equals(event.type().detailType()) && Json.readTree(stored.detail()).equals(event.detailJson());
    }

    private Outcome duplicate(PlatformEvent event) {
        OpsMetrics.count(DUPLICATE_METRIC);
        LOG.info("event {} was taken in before; nothing to do", event.eventId());
        return Outcome.DUPLICATE;
    }

    private Outcome deadLetter(String body, String reason, PlatformEvent event) {
        return deadLetter(body, reason, Optional.of(event.eventId()), Optional.of(event.type().detailType()));
    }

    private Outcome deadLetter(String body, String reason, Optional<String> eventId, Optional<String> detailType) {
        deadLetters.park(body, reason, eventId, detailType);
        OpsMetrics.count(DEAD_LETTERED_METRIC);
        detailType.flatMap(SLO_EVENTS::platformEvent).ifPresent(slo -> SloEvents.count(slo, false));
        LOG.warn("event {} parked in the dead-letter queue: {} (README: Platform events)", eventId.orElse("(no id)"), reason);
        return Outcome.DEAD_LETTERED;
    }

    // what a body that is not a valid event says of itself, for the dead letter's attributes: only a short string
    private static Optional<String> field(String body, String name) {
        try {
            JsonNode value = Json.readTree(body).get(name);
            return value != null && value.isTextual() && !value.textValue().isBlank() && value.textValue().length() <= 200
                    ? Optional.of(value.textValue()) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Reads only: an event that does not exist. */
    void prime() {
        events.find("warroom-priming");
    }
}
