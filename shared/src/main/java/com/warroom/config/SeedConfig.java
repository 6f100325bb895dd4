package com.warroom.config;

import com.warroom.oncall.OnCallSchedule;
import com.warroom.support.TicketPriority;
import com.warroom.topology.Role;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The platform's configuration: supported networks, treasury wallets, fee rules, the admin
 * roster and the EXP a fixed bug earns per ticket priority, at one version. Version 1 is the seed file; each applied {@link ConfigChange} makes the
 * next version. Build one from JSON with {@link SeedConfigParser}, which enforces every rule;
 * write one with {@link SeedConfigJson}.
 *
 * <p>JSON shape (unknown fields are refused at every level):
 * <pre>{@code
 * {
 *   "version": 1,
 *   "networks": [ {"chain": "evm:1", "name": "Ethereum", "rpcSecretName": "warroom/rpc/evm-1", "nativeAsset": "ETH"},
 *                 {"chain": "solana", "name": "Solana", "rpcSecretName": "warroom/rpc/solana", "nativeAsset": "SOL"} ],
 *   "treasury": [ {"chain": "evm:1", "asset": "USDC", "address": "0x<EIP-55 checksummed>"},
 *                 {"chain": "solana", "asset": "SOL", "address": "<base58 of 32 bytes>"} ],
 *   "feeRules": {
 *     "bonding_swap": {"kind": "percentage", "rateBps": 150,
 *                      "splits": [{"to": "treasury", "bps": 5000}, {"to": "creator", "bps": 5000}]},
 *     "blue_check":   {"kind": "flat", "amount": {"currency": "USD", "minor": 1000},
 *                      "splits": [{"to": "treasury", "bps": 7000}, {"to": "referral", "bps": 3000}]}
 *   },
 *   "roster": [ {"email": "alice@example.com", "sub": "optional-cognito-sub", "roles": ["super_admin"]} ],
 *   "expRewards": {"CRITICAL": 500, "HIGH": 200, "MEDIUM": 100, "LOW": 50},
 *   "onCall": {"timeZone": "Asia/Jakarta",
 *              "rotations": [ {"area": "backend", "primary": "dewi@example.com", "backup": "eko@example.com",
 *                              "from": "2026-11-30", "to": "2026-12-07"}, ... ],
 *              "escalation": [ {"afterMinutes": 15, "call": "backup"}, {"afterMinutes": 30, "call": "bima@example.com"} ]}
 * }
 * }</pre>
 * Solana is supported exactly when a network with chain {@code solana} is listed. {@code expRewards} names every
 * {@link TicketPriority}, each with whole EXP from 1 to {@link #MAX_EXP_REWARD}; it is empty only in a config stored
 * before EXP rewards existed (read with {@link SeedConfigParser#parseStored}), whose next version must set them.
 * {@code onCall} (the on-call roster and escalation tree, {@link OnCallSchedule}) is optional: a config without it has
 * no one on call until an {@code oncall.set} change sets it; its rules are in {@code ConfigReader}.
 */
public record SeedConfig(
        long version,
        List<Network> networks,
        List<TreasuryWallet> treasury,
        Map<String, FeeRule> feeRules,
        List<RosterMember> roster,
        Map<TicketPriority, Long> expRewards,
        Optional<OnCallSchedule> onCall) {

    /** The fee rules of the launch plan, which every config must define. */
    public static final Set<String> REQUIRED_FEE_RULES = Set.of(
            "presale_success", "fairlaunch_success", "bonding_swap", "blue_check", "token_creation", "sbt_claim");

    /** Two, so that every change needing a second person's approval can get one. */
    public static final int MIN_SUPER_ADMINS = 2;

    /** The most EXP one fixed bug can earn: a typo of a few zeros must not mint a fortune. */
    public static final long MAX_EXP_REWARD = 1_000_000;

    /** Why a config stored before EXP rewards existed cannot say what a fixed bug earns. */
    public static final String NO_EXP_REWARDS = "config v%d sets no EXP rewards (it was stored before they existed): "
            + "request an exp_rewards.set change";

    private static final Pattern RULE_ID = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    public SeedConfig {
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1: " + version);
        }
        networks = List.copyOf(networks);
        treasury = List.copyOf(treasury);
        // sorted by id, so that every listing and every snapshot comes out in the same order
        feeRules = Collections.unmodifiableSortedMap(new TreeMap<>(feeRules));
        roster = List.copyOf(roster);
        expRewards = expRewards(expRewards);
        Objects.requireNonNull(onCall, "onCall");
    }

    private static Map<TicketPriority, Long> expRewards(Map<TicketPriority, Long> given) {
        if (given.isEmpty()) {
            return Map.of();
        }
        EnumMap<TicketPriority, Long> rewards = new EnumMap<>(TicketPriority.class);
        rewards.putAll(given);
        for (TicketPriority priority : TicketPriority.values()) {
            Long exp = rewards.get(priority);
            if (exp == null || exp < 1 || exp > MAX_EXP_REWARD) {
                throw new IllegalArgumentException("expRewards needs whole EXP from 1 to " + MAX_EXP_REWARD + " for " + priority + ": " + exp);
            }
        }
        return Collections.unmodifiableMap(rewards);
    }

    /**
     * The whole EXP a reproduced and fixed bug of {@code priority} earns its reporter.
     *
     * @throws IllegalStateException when this config sets no EXP rewards (stored before they existed)
     */
    public long expReward(TicketPriority priority) {
        if (expRewards.isEmpty()) {
            throw new IllegalStateException(NO_EXP_REWARDS.formatted(version));
        }
        return expRewards.get(priority);
    }

    /** True when {@code id} is a well-formed fee rule id such as {@code bonding_swap}. */
    public static boolean isRuleId(String id) {
        return id != null && RULE_ID.matcher(id).matches();
    }

    public Optional<Network> network(Chain chain) {
        return networks.stream().filter(n -> n.chain().equals(chain)).findFirst();
    }

    public boolean supports(Chain chain) {
        return network(chain).isPresent();
    }

    public Optional<TreasuryWallet> treasuryWallet(Chain chain, String asset) {
        return treasury.stream().filter(w -> w.chain().equals(chain) && w.asset().equals(asset)).findFirst();
    }

    public Optional<FeeRule> feeRule(String id) {
        return Optional.ofNullable(feeRules.get(id));
    }

    public Optional<RosterMember> member(String email) {
        return roster.stream().filter(m -> m.email().equals(email)).findFirst();
    }

    public long count(Role role) {
        return roster.stream().filter(m -> m.holds(role)).count();
    }

    /** The same content at another version. */
    public SeedConfig withVersion(long newVersion) {
        return new SeedConfig(newVersion, networks, treasury, feeRules, roster, expRewards, onCall);
    }
}
