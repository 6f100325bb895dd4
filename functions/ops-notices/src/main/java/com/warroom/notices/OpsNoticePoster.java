package com.warroom.notices;

import com.warroom.flags.FlagRecord;
import com.warroom.idempotency.ProcessedMessages;
import com.warroom.json.Json;
import com.warroom.observability.OpsMetrics;
import com.warroom.topology.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Posts one flag-changes message to the war-room channel, once per change however often it is delivered.
 *
 * <p>Order: check, publish, then record. A change is recorded only after its notice went out, so a failure anywhere
 * before the record (SNS down, a timeout, a crash) leaves it unrecorded and the queue's redelivery posts it: notices
 * are at least once. Recording first would make them at most once, and a notice lost between the record and the
 * publish would never come back; a kill switch the war room does not hear about is worse than a line posted twice.
 * The duplicate can only come from a crash between publish and record, or two deliveries of one change at the same
 * moment. For the same reason a record that fails after the publish does not fail the message (that would repost
 * it for sure): it is counted as {@value #NOT_RECORDED_METRIC}.
 */
public final class OpsNoticePoster {

    /** Counted for each notice published. */
    public static final String POSTED_METRIC = "OpsNoticePosted";
    /** Counted for each delivery of a change that was already posted (nothing published). */
    public static final String ALREADY_POSTED_METRIC = "OpsNoticeAlreadyPosted";
    /** Counted when a notice went out but could not be recorded: a redelivery of that change may post it again. */
    public static final String NOT_RECORDED_METRIC = "OpsNoticeNotRecorded";

    /** The consumer's name in its processed-message marks: {@code message#ops-notices#<changeId>}. */
    static final String CONSUMER = Topology.OPS_NOTICE.name();

    private static final Logger LOG = LoggerFactory.getLogger(OpsNoticePoster.class);
    // what priming reads: a change as the kill-switch route sends it
    private static final String PRIMING_MESSAGE = Json.write(new FlagRecord("contribute", "round:warroom-priming", false,
            "priming the ops-notices function", "warroom-priming", "priming@warroom.invalid", "2026-01-01T00:00:00Z", 1, 0));

    private final OpsNoticeTopic topic;
    private final ProcessedMessages posted;

    public OpsNoticePoster(OpsNoticeTopic topic, ProcessedMessages posted) {
        this.topic = topic;
        this.posted = posted;
    }

    /** What posting one message did. */
    public sealed interface Posting {
        record Posted(String changeId, String messageId) implements Posting {
        }

        record AlreadyPosted(String changeId) implements Posting {
        }
    }

    /**
     * Posts the change in {@code body}.
     *
     * @throws UnreadableFlagChangeException when the body is not a flag change this consumer understands
     * @throws SdkException when the notice could not be published (nothing was recorded: a redelivery tries again)
     */
    public Posting post(String body) {
        FlagChange change = switch (FlagChange.parse(body)) {
            case FlagChange.Parsed.Readable readable -> readable.change();
            case FlagChange.Parsed.Unreadable unreadable -> throw new UnreadableFlagChangeException(unreadable.why());
        };
        if (posted.seen(CONSUMER, change.changeId())) {
            OpsMetrics.count(ALREADY_POSTED_METRIC);
            LOG.info("change {} was already posted: nothing published", change.changeId());
            return new Posting.AlreadyPosted(change.changeId());
        }
        String messageId = topic.publish(OpsNotice.of(change));
        OpsMetrics.count(POSTED_METRIC);
        record(change.changeId(), messageId);
        return new Posting.Posted(change.changeId(), messageId);
    }

    private void record(String changeId, String messageId) {
        try {
            if (!posted.record(CONSUMER, changeId)) {
                LOG.warn("change {} was posted by two deliveries at once; this one as message {}", changeId, messageId);
            }
        } catch (SdkException e) {
            OpsMetrics.count(NOT_RECORDED_METRIC);
            LOG.warn("change {} was posted as message {} but not recorded: a redelivery may post it again", changeId, messageId, e);
        }
    }

    /** Reads only: parses a sample message, builds its notice and Publish request (never sent), reads its record. */
    void prime() {
        if (FlagChange.parse(PRIMING_MESSAGE) instanceof FlagChange.Parsed.Readable readable) {
            topic.request(OpsNotice.of(readable.change()));
            posted.seen(CONSUMER, readable.change().changeId());
        }
    }
}
