package com.warroom.payouts;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import com.warroom.money.Money;
import com.warroom.payments.SortableTime;
import com.warroom.seal.Seal;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * A payout as the payouts table holds it. What it pays (user, kind, amount, destination, submission) is sealed
 * ({@link PayoutSeal}) when it is accepted and only re-sealed by an ops retry (which starts a new submission); its
 * progress changes with each conditional write, each one version further. {@code status} is kept as stored, so that a
 * row edited outside Warroom can still be read and shown.
 *
 * @param payoutId the request's Idempotency-Key, which is also the rail's external id of submission 1
 */
public record Payout(String payoutId, Request request, Wallet destination, Progress progress, Times times, long version,
                     Optional<String> override, Seal seal) {

    /** What a payout id may be: it travels into ledger entry ids and to the custodian. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    public static final String ID_RULE = "must be 1 to 100 letters, digits, '.', '_' or '-' (it becomes the payout id)";
    public static final String BY_STATUS = "byStatus";
    public static final String BY_USER = "byUser";
    public static final String BY_TX_HASH = "byTxHash";

    /** What was asked for, as the platform sent it. */
    public record Request(String userId, String kind, Money amount, String reference, Optional<String> roundId,
                          String requestedBy) {
    }

    /**
     * How far it got: {@code submission} counts the rail transfers started for it (a new one only after the rail
     * failed the last for good), {@code attempts} the tries of the current one.
     */
    public record Progress(String status, int submission, int attempts, Optional<String> railReference,
                           Optional<String> railStatus, Optional<String> txHash, Optional<String> reason,
                           Optional<Instant> nextAttemptAt, Optional<Instant> leaseUntil) {

        static Progress requested(PayoutStatus status, Optional<String> reason) {
            return new Progress(status.name(), 1, 0, Optional.empty(), Optional.empty(), Optional.empty(), reason,
                    Optional.empty(), Optional.empty());
        }
    }

    public record Times(Instant createdAt, Instant updatedAt) {
    }

    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** A new payout in {@code status} (REQUESTED or HELD), version 1, unsealed. */
    public static Payout accepted(String payoutId, Request request, Wallet destination, PayoutStatus status,
                                  Optional<String> reason, Instant now) {
        return new Payout(payoutId, request, destination, Progress.requested(status, reason), new Times(now, now), 1,
                Optional.empty(), null);
    }

    /** The status as a known state; empty for a row whose status was edited to something else. */
    public Optional<PayoutStatus> state() {
        return PayoutStatus.parse(progress.status());
    }

    /**
     * Marks a later submission in an external id. A payout id can never hold it, so no payout's external id is
     * another's ({@code A.r2} is a payout id of its own; {@code A~r2} is payout {@code A}'s second submission).
     */
    static final String SUBMISSION_MARK = "~r";

    /** The rail's external id of the current submission: the payout id for the first, {@code <id>~r<n>} after. */
    public String externalId() {
        return externalId(payoutId, progress.submission());
    }

    public static String externalId(String payoutId, int submission) {
        return submission <= 1 ? payoutId : payoutId + SUBMISSION_MARK + submission;
    }

    /** The payout id an external id belongs to (see {@link #externalId}). */
    public static String payoutIdOf(String externalId) {
        int mark = externalId.lastIndexOf(SUBMISSION_MARK);
        if (mark > 0 && externalId.substring(mark + SUBMISSION_MARK.length()).matches("[1-9][0-9]{0,3}")) {
            return externalId.substring(0, mark);
        }
        return externalId;
    }

    public Payout withSeal(Seal next) {
        return new Payout(payoutId, request, destination, progress, times, version, override, next);
    }

    /** The next version with {@code next} progress, changed at {@code now}; the seal is kept (it does not cover progress). */
    public Payout moved(Progress next, Instant now) {
        return new Payout(payoutId, request, destination, next, new Times(times.createdAt(), now), version + 1, override, seal);
    }

    public Payout withOverride(String evidence) {
        return new Payout(payoutId, request, destination, progress, times, version, Optional.of(evidence), seal);
    }

    public static final TableSchema<Payout> SCHEMA = StaticImmutableTableSchema.builder(Payout.class, Builder.class)
            .newItemBuilder(Builder::new, Builder::build)
            .addAttribute(String.class, a -> a.name("payoutId").getter(Payout::payoutId).setter(Builder::payoutId).tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("userId").getter(p -> p.request().userId()).setter(Builder::userId)
                    .tags(secondaryPartitionKey(BY_USER)))
            .addAttribute(String.class, a -> a.name("kind").getter(p -> p.request().kind()).setter(Builder::kind))
            .addAttribute(Long.class, a -> a.name("amountMinor").getter(p -> p.request().amount().minor()).setter(Builder::amountMinor))
            .addAttribute(String.class, a -> a.name("asset").getter(p -> p.request().amount().currency()).setter(Builder::asset))
            .addAttribute(String.class, a -> a.name("reference").getter(p -> p.request().reference()).setter(Builder::reference))
            .addAttribute(String.class, a -> a.name("roundId").getter(p -> p.request().roundId().orElse(null)).setter(Builder::roundId))
            .addAttribute(String.class, a -> a.name("requestedBy").getter(p -> p.request().requestedBy()).setter(Builder::requestedBy))
            .addAttribute(String.class, a -> a.name("chain").getter(p -> p.destination().chain()).setter(Builder::chain))
            .addAttribute(String.class, a -> a.name("address").getter(p -> p.destination().address()).setter(Builder::address))
            .addAttribute(String.class, a -> a.name("status").getter(p -> p.progress().status()).setter(Builder::status)
                    .tags(secondaryPartitionKey(BY_STATUS)))
            .addAttribute(Integer.class, a -> a.name("submission").getter(p -> p.progress().submission()).setter(Builder::submission))
            .addAttribute(Integer.class, a -> a.name("attempts").getter(p -> p.progress().attempts()).setter(Builder::attempts))
            .addAttribute(String.class, a -> a.name("railReference").getter(p -> p.progress().railReference().orElse(null))
                    .setter(Builder::railReference))
            .addAttribute(String.class, a -> a.name("railStatus").getter(p -> p.progress().railStatus().orElse(null))
                    .setter(Builder::railStatus))
            .addAttribute(String.class, a -> a.name("txHash").getter(p -> p.progress().txHash().orElse(null)).setter(Builder::txHash)
                    .tags(secondaryPartitionKey(BY_TX_HASH)))
            .addAttribute(String.class, a -> a.name("reason").getter(p -> p.progress().reason().orElse(null)).setter(Builder::reason))
            .addAttribute(String.class, a -> a.name("nextAttemptAt").getter(p -> p.progress().nextAttemptAt().map(SortableTime::format)
                    .orElse(null)).setter(Builder::nextAttemptAt))
            .addAttribute(String.class, a -> a.name("leaseUntil").getter(p -> p.progress().leaseUntil().map(SortableTime::format)
                    .orElse(null)).setter(Builder::leaseUntil))
            .addAttribute(String.class, a -> a.name("createdAt").getter(p -> SortableTime.format(p.times().createdAt()))
                    .setter(Builder::createdAt).tags(secondarySortKey(BY_USER)))
            .addAttribute(String.class, a -> a.name("updatedAt").getter(p -> SortableTime.format(p.times().updatedAt()))
                    .setter(Builder::updatedAt).tags(secondarySortKey(BY_STATUS)))
            .addAttribute(Long.class, a -> a.name("version").getter(Payout::version).setter(Builder::version))
            .addAttribute(String.class, a -> a.name("override").getter(p -> p.override().orElse(null)).setter(Builder::override))
            .addAttribute(String.class, a -> a.name("mac").getter(p -> p.seal() == null ? null : p.seal().mac()).setter(Builder::mac))
            .addAttribute(String.class, a -> a.name("keyId").getter(p -> p.seal() == null ? null : p.seal().keyId()).setter(Builder::keyId))
            .build();

    /**
     * The enhanced client's way to build a payout from a stored row. A row edited outside Warroom may have lost
     * attributes: what cannot be read becomes a value that can never verify (see {@link PayoutSeal}), never an error.
     */
    public static final class Builder {
        private String payoutId;
        private String userId;
        private String kind;
        private Long amountMinor;
        private String asset;
        private String reference;
        private String roundId;
        private String requestedBy;
        private String chain;
        private String address;
        private String status;
        private int submission;
        private int attempts;
        private String railReference;
        private String railStatus;
        private String txHash;
        private String reason;
        private String nextAttemptAt;
        private String leaseUntil;
        private String createdAt;
        private String updatedAt;
        private long version;
        private String override;
        private String mac;
        private String keyId;

        public Builder payoutId(String v) { payoutId = v; return this; }
        public Builder userId(String v) { userId = v; return this; }
        public Builder kind(String v) { kind = v; return this; }
        public Builder amountMinor(Long v) { amountMinor = v; return this; }
        public Builder asset(String v) { asset = v; return this; }
        public Builder reference(String v) { reference = v; return this; }
        public Builder roundId(String v) { roundId = v; return this; }
        public Builder requestedBy(String v) { requestedBy = v; return this; }
        public Builder chain(String v) { chain = v; return this; }
        public Builder address(String v) { address = v; return this; }
        public Builder status(String v) { status = v; return this; }
        public Builder submission(Integer v) { submission = v == null ? 0 : v; return this; }
        public Builder attempts(Integer v) { attempts = v == null ? 0 : v; return this; }
        public Builder railReference(String v) { railReference = v; return this; }
        public Builder railStatus(String v) { railStatus = v; return this; }
        public Builder txHash(String v) { txHash = v; return this; }
        public Builder reason(String v) { reason = v; return this; }
        public Builder nextAttemptAt(String v) { nextAttemptAt = v; return this; }
        public Builder leaseUntil(String v) { leaseUntil = v; return this; }
        public Builder createdAt(String v) { createdAt = v; return this; }
        public Builder updatedAt(String v) { updatedAt = v; return this; }
        public Builder version(Long v) { version = v == null ? 0 : v; return this; }
        public Builder override(String v) { override = v; return this; }
        public Builder mac(String v) { mac = v; return this; }
        public Builder keyId(String v) { keyId = v; return this; }

        public Payout build() {
            Money amount = new Money(Money.isUnit(asset) ? asset : UNREADABLE_UNIT, amountMinor == null ? 0 : amountMinor);
            Request request = new Request(orEmpty(userId), orEmpty(kind), amount, orEmpty(reference), Optional.ofNullable(roundId),
                    orEmpty(requestedBy));
            Progress progress = new Progress(orEmpty(status), submission, attempts, Optional.ofNullable(railReference),
                    Optional.ofNullable(railStatus), Optional.ofNullable(txHash), Optional.ofNullable(reason),
                    instant(nextAttemptAt), instant(leaseUntil));
            Times times = new Times(instant(createdAt).orElse(Instant.EPOCH), instant(updatedAt).orElse(Instant.EPOCH));
            Seal seal = mac == null || keyId == null ? null : new Seal(mac, keyId);
            return new Payout(payoutId, request, new Wallet(orEmpty(chain), orEmpty(address)), progress, times, version,
                    Optional.ofNullable(override), seal);
        }

        private static String orEmpty(String text) {
            return text == null ? "" : text;
        }

        private static Optional<Instant> instant(String text) {
            try {
                return Optional.ofNullable(text).map(Instant::parse);
            } catch (java.time.format.DateTimeParseException e) {
                return Optional.empty();
            }
        }
    }

    /** What an unreadable stored asset reads as: ISO 4217's "no currency", which no payout is made in. */
    static final String UNREADABLE_UNIT = "XXX";
}
