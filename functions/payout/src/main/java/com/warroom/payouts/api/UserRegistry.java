package com.warroom.payouts.api;

import com.warroom.audit.AuditDraft;
import com.warroom.audit.AuditLog;
import com.warroom.audit.AuditedChange;
import com.warroom.audit.RequestOrigin;
import com.warroom.aws.TransactionRace;
import com.warroom.http.Caller;
import com.warroom.json.Json;
import com.warroom.payments.SortableTime;
import com.warroom.payouts.PayoutPolicy;
import com.warroom.payouts.UserProfile;
import com.warroom.payouts.UserStore;
import com.warroom.payouts.Wallet;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Keeps the users read model: each user's next version written only over the version that was read (a lost race reads
 * again and decides again). The primary wallet is sealed with since when it is the user's; a change of it starts a
 * cooling-off and is written in one transaction with its audit entry. A stored wallet whose seal is broken is never
 * built upon: whatever the platform sends next counts as a change of wallet.
 */
final class UserRegistry {

    static final String WALLET_CHANGED = "user.wallet.changed";
    static final int MAX_ATTEMPTS = 20;
    private static final long MAX_BACKOFF_MILLIS = 128;
    private static final Logger LOG = LoggerFactory.getLogger(UserRegistry.class);

    private final DynamoDbEnhancedClient dynamo;
    private final UserStore users;
    private final WalletCheck wallets;
    private final AuditLog audit;
    private final PayoutPolicy policy;
    private final Clock clock;

    /** What the platform says of a user. */
    record Registration(String userId, Wallet wallet, UserProfile.Standing standing) {
    }

    /** Who asks, from where. */
    record Requester(Caller caller, RequestOrigin origin) {
    }

    /** The first version of a user, or a later one ({@code walletChanged}: its cooling-off started now). */
    sealed interface Registered {
        UserProfile user();

        record Created(UserProfile user) implements Registered {
        }

        record Updated(UserProfile user, boolean walletChanged) implements Registered {
        }
    }

    /** Where users and the audit of their wallet changes are written. */
    record Stores(DynamoDbEnhancedClient dynamo, UserStore users, AuditLog audit) {
    }

    UserRegistry(Stores stores, WalletCheck wallets, PayoutPolicy policy, Clock clock) {
        this.dynamo = stores.dynamo();
        this.users = stores.users();
        this.audit = stores.audit();
        this.wallets = wallets;
        this.policy = policy;
        this.clock = clock;
    }

    Optional<UserProfile> find(String userId) {
        return users.find(userId);
    }

    Registered register(Registration registration, Requester requester) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Optional<Registered> done = attempt(registration, requester);
            if (done.isPresent()) {
                return done.get();
            }
            TransactionRace.backOff(attempt, MAX_BACKOFF_MILLIS);
        }
        throw new IllegalStateException("user " + registration.userId() + ": " + MAX_ATTEMPTS + " writes in a row lost a race");
    }

    // empty when another write came first: read again
    private Optional<Registered> attempt(Registration registration, Requester requester) {
        Instant now = SortableTime.now(clock);
        Optional<UserProfile> current = users.find(registration.userId());
        if (current.isEmpty()) {
            UserProfile first = wallets.sealed(new UserProfile(registration.userId(), registration.wallet(), now,
                    Optional.empty(), registration.standing(), now, 1, null));
            return write(current, first).map(Registered.Created::new);
        }
        UserProfile stored = current.get();
        boolean intact = wallets.intact(stored, "read before an update from the platform");
        if (intact && stored.primaryWallet().sameAs(registration.wallet())) {
            if (stored.standing().equals(registration.standing())) {
                return Optional.of(new Registered.Updated(stored, false));
            }
            UserProfile next = wallets.sealed(new UserProfile(stored.userId(), stored.primaryWallet(), stored.walletSince(),
                    stored.coolingOffUntil(), registration.standing(), now, stored.version() + 1, null));
            return write(current, next).map(user -> new Registered.Updated(user, false));
        }
        UserProfile next = wallets.sealed(new UserProfile(stored.userId(), registration.wallet(), now,
                Optional.of(now.plus(policy.walletCoolingOff())), registration.standing(), now, stored.version() + 1, null));
        return changeWallet(stored, intact, next, requester);
    }

    private Optional<UserProfile> write(Optional<UserProfile> current, UserProfile next) {
        var request = TransactWriteItemsEnhancedRequest.builder();
        users.put(current, next).accept(request);
        try {
            dynamo.transactWriteItems(request.build());
            return Optional.of(next);
        } catch (TransactionCanceledException e) {
            if (!TransactionRace.lost(e)) {
                throw e;
            }
            return Optional.empty();
        }
    }

    private Optional<Registered> changeWallet(UserProfile stored, boolean storedIntact, UserProfile next, Requester requester) {
        AuditDraft draft = new AuditDraft(requester.caller(), WALLET_CHANGED, "user:" + stored.userId(),
                Json.write(walletRecord(stored, storedIntact)), Json.write(walletRecord(next, true)),
                "the platform changed the user's primary wallet; payouts to it are held until "
                        + SortableTime.format(next.coolingOffUntil().orElseThrow()) + (storedIntact ? ""
                        : " (the stored wallet did not match its seal)"), requester.origin());
        Optional<Registered> done = audit.commit(auditSeq -> {
            // the audit log prepares again after a lost race: the user must still be the version this change was made from
            long now = users.find(stored.userId()).map(UserProfile::version).orElse(0L);
            if (now != stored.version()) {
                return new AuditedChange.Refuse<>(Optional.empty());
            }
            return new AuditedChange.Write<>(List.of(users.put(Optional.of(stored), next)), draft,
                    entry -> Optional.of(new Registered.Updated(next, true)));
        });
        done.ifPresent(registered -> LOG.info("user {}: primary wallet changed to {} on {}; payouts held until {}",
                stored.userId(), next.primaryWallet().address(), next.primaryWallet().chain(),
                SortableTime.format(next.coolingOffUntil().orElseThrow())));
        return done;
    }

    private static Map<String, Object> walletRecord(UserProfile user, boolean sealIntact) {
        Map<String, Object> record = new LinkedHashMap<>();
        Map<String, Object> wallet = new LinkedHashMap<>();
        wallet.put("chain", user.primaryWallet().chain());
        wallet.put("address", user.primaryWallet().address());
        record.put("primaryWallet", wallet);
        record.put("walletSince", SortableTime.format(user.walletSince()));
        record.put("coolingOffUntil", user.coolingOffUntil().map(SortableTime::format).orElse(null));
        record.put("version", user.version());
        if (!sealIntact) {
            record.put("sealIntact", false);
        }
        return record;
    }
}
