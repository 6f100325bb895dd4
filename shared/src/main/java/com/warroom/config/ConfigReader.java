package com.warroom.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.warroom.http.FieldError;
import com.warroom.money.BasisPoints;
import com.warroom.money.FeeRecipient;
import com.warroom.money.FeeSplit;
import com.warroom.money.Money;
import com.warroom.oncall.OnCallSchedule;
import com.warroom.support.TicketPriority;
import com.warroom.topology.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Reads config JSON part by part and keeps going after a problem, so that one answer names every
 * bad field, each by its path ({@code treasury[2].address}, {@code feeRules.blue_check.splits[1].bps}).
 * A part comes back only when nothing inside it was wrong.
 */
final class ConfigReader {

    static final String ROOT = "";

    // openingBalances belongs to the seed file only: OpeningBalances (payouts) reads and checks it, a config never holds it
    private static final Set<String> CONFIG_FIELDS = Set.of("version", "networks", "treasury", "feeRules", "roster", "expRewards", "onCall",
            "openingBalances");
    private static final Set<String> NETWORK_FIELDS = Set.of("chain", "name", "rpcSecretName", "nativeAsset");
    private static final Set<String> TREASURY_FIELDS = Set.of("chain", "asset", "address");
    private static final Set<String> RULE_FIELDS = Set.of("kind", "rateBps", "amount", "splits");
    private static final Set<String> AMOUNT_FIELDS = Set.of("currency", "minor");
    private static final Set<String> SPLIT_FIELDS = Set.of("to", "bps");
    private static final Set<String> MEMBER_FIELDS = Set.of("email", "sub", "roles");
    private static final String PERCENTAGE = "percentage";
    private static final String FLAT = "flat";

    private final List<FieldError> errors = new ArrayList<>();

    List<FieldError> errors() {
        return List.copyOf(errors);
    }

    boolean valid() {
        return errors.isEmpty();
    }

    void reject(String path, String message) {
        errors.add(new FieldError(path.isEmpty() ? "$" : path, message));
    }

    static String field(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    static String item(String path, int index) {
        return path + "[" + index + "]";
    }

    // ---- whole config

    Optional<SeedConfig> seedConfig(JsonNode root) {
        return seedConfig(root, false);
    }

    /**
     * {@code stored}: a snapshot already in the config table, which may predate EXP rewards (then read without them);
     * a seed file and every next version must have them.
     */
    Optional<SeedConfig> seedConfig(JsonNode root, boolean stored) {
        int mark = errors.size();
        Optional<ObjectNode> object = object(root, ROOT, CONFIG_FIELDS);
        if (object.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode o = object.get();
        Optional<Long> version = whole(o, ROOT, "version", 1, Long.MAX_VALUE, "must be a whole number >= 1");
        Optional<List<Network>> networks = networks(o.get("networks"), "networks");
        Optional<Set<Chain>> supported = o.get("networks") instanceof ArrayNode listed
                ? Optional.of(chainsNamedIn(listed)) : Optional.empty();
        Optional<List<TreasuryWallet>> treasury = treasury(o.get("treasury"), "treasury", supported);
        Optional<Map<String, FeeRule>> feeRules = feeRules(o.get("feeRules"), "feeRules");
        Optional<List<RosterMember>> roster = roster(o.get("roster"), "roster");
        Optional<Map<TicketPriority, Long>> expRewards = stored && !o.has("expRewards")
                ? Optional.of(Map.of()) : expRewards(o.get("expRewards"), "expRewards");
        // optional: a config without it has no one on call until an oncall.set change sets it
        Optional<Optional<OnCallSchedule>> onCall = o.hasNonNull("onCall")
                ? onCall(o.get("onCall"), "onCall", Optional.empty()).map(Optional::of) : Optional.of(Optional.empty());
        if (errors.size() > mark) {
            return Optional.empty();
        }
        return Optional.of(new SeedConfig(version.orElseThrow(), networks.orElseThrow(), treasury.orElseThrow(),
                feeRules.orElseThrow(), roster.orElseThrow(), expRewards.orElseThrow(), onCall.orElseThrow()));
    }

    // ---- on call

    /** The on-call section ({@link OnCallReader}); with {@code now}, every area must be covered then. */
    Optional<OnCallSchedule> onCall(JsonNode node, String path, Optional<Instant> now) {
        return new OnCallReader(this).onCall(node, path, now);
    }

    // ---- networks

    Optional<List<Network>> networks(JsonNode node, String path) {
        int mark = errors.size();
        Optional<ArrayNode> array = array(node, path);
        if (array.isEmpty()) {
            return Optional.empty();
        }
        if (array.get().isEmpty()) {
            reject(path, "must list at least one network");
        }
        List<Network> networks = new ArrayList<>();
        Map<Chain, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < array.get().size(); i++) {
            JsonNode entry = array.get().get(i);
            network(entry, item(path, i)).ifPresent(networks::add);
            int index = i;
            silentChain(entry).ifPresent(chain -> {
                Integer first = firstIndex.putIfAbsent(chain, index);
                if (first != null) {
                    reject(field(item(path, index), "chain"), "duplicates " + item(path, first)
                            + ": each chain is listed once");
                }
            });
        }
        return errors.size() > mark ? Optional.empty() : Optional.of(networks);
    }

    Optional<Network> network(JsonNode node, String path) {
        int mark = errors.size();
        Optional<ObjectNode> object = object(node, path, NETWORK_FIELDS);
        if (object.isEmpty()) {
            return Optional.empty();
        }
        Optional<Chain> chain = chain(object.get(), path);
        Optional<String> name = text(object.get(), path, "name", Network::nameProblem);
        Optional<String> secret = text(object.get(), path, "rpcSecretName", Network::rpcSecretNameProblem);
        Optional<String> nativeAsset = text(object.get(), path, "nativeAsset", AssetSymbol::problem);
        if (errors.size() > mark) {
            return Optional.empty();
        }
        return Optional.of(new Network(chain.orElseThrow(), name.orElseThrow(), secret.orElseThrow(), nativeAsset.orElseThrow()));
    }

    Optional<Chain> chain(ObjectNode object, String path) {
        Optional<String> key = text(object, path, "chain", k -> Optional.empty());
        if (key.isEmpty()) {
            return Optional.empty();
        }
        Optional<Chain> chain = Chain.parse(key.get());
        if (chain.isEmpty()) {
            reject(field(path, "chain"), "must be evm:<chainId> (a decimal chain id without leading zeros, such as evm:8453) or solana");
        }
        return chain;
    }

    /** The chains of the listed networks that name one correctly, whatever else is wrong with them. */
    static Set<Chain> chainsNamedIn(ArrayNode networks) {
        return StreamSupport.stream(networks.spliterator(), false)
                .map(ConfigReader::silentChain)
                .flatMap(Optional::stream)
                .collect(Collectors.toSet());
    }

    // ---- treasury

    Optional<List<TreasuryWallet>> treasury(JsonNode node, String path, Optional<Set<Chain>> supported) {
        int mark = errors.size();
        Optional<ArrayNode> array = array(node, path);
        if (array.isEmpty()) {
            return Optional.empty();
        }
        List<TreasuryWallet> wallets = new ArrayList<>();
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < array.get().size(); i++) {
            JsonNode entry = array.get().get(i);
            treasuryWallet(entry, item(path, i), supported).ifPresent(wallets::add);
            Optional<Chain> chain = silentChain(entry);
            Optional<String> asset = silentText(entry, "asset");
            if (chain.isPresent() && asset.isPresent()) {
                Integer first = firstIndex.putIfAbsent(chain.get().key() + " " + asset.get(), i);
                if (first != null) {
                    reject(field(item(path, i), "asset"), "duplicates " + item(path, first)
                            + ": one treasury wallet per chain and asset");
                }
            }
        }
        return errors.size() > mark ? Optional.empty() : Optional.of(wallets);
    }

    Optional<TreasuryWallet> treasuryWallet(JsonNode node, String path, Optional<Set<Chain>> supported) {
        int mark = errors.size();
        Optional<ObjectNode> object = object(node, path, TREASURY_FIELDS);
        if (object.isEmpty()) {
            return Optional.empty();
        }
        Optional<Chain> chain = chain(object.get(), path);
        Optional<String> asset = text(object.get(), path, "asset", AssetSymbol::problem);
        Optional<String> address = text(object.get(), path, "address", a -> Optional.empty());
        if (chain.isPresent() && supported.isPresent() && !supported.get().contains(chain.get())) {
            reject(field(path, "chain"), chain.get().key() + " is not a supported network (supported: "
                    + supported.get().stream().map(Chain::key).sorted().toList() + ")");
        }
        if (chain.isPresent() && address.isPresent()) {
            chain.get().addressProblem(address.get()).ifPresent(p -> reject(field(path, "address"), p));
        }
        if (errors.size() > mark) {
            return Optional.empty();
        }
        return Optional.of(new TreasuryWallet(chain.orElseThrow(), asset.orElseThrow(), address.orElseThrow()));
    }

    // ---- fee rules

    Optional<Map<String, FeeRule>> feeRules(JsonNode node, String path) {
        int mark = errors.size();
        if (!present(node)) {
            reject(path, "is required");
            return Optional.empty();
        }
        if (!(node instanceof ObjectNode object)) {
            reject(path, "must be a JSON object from rule id to rule");
            return Optional.empty();
        }
        Map<String, FeeRule> rules = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            String rulePath = field(path, entry.getKey());
            if (!SeedConfig.isRuleId(entry.getKey())) {
                reject(rulePath, "is not a rule id: a lowercase letter, then up to 63 lowercase letters, digits or _");
            }
            feeRule(entry.getValue(), rulePath).ifPresent(rule -> rules.put(entry.getKey(), rule));
        }
        for (String required : new TreeSet<>(SeedConfig.REQUIRED_FEE_RULES)) {
            if (!object.has(required)) {
                reject(field(path, required), "is required: every config defines the launch plan's fee rules "
                        + new TreeSet<>(SeedConfig.REQUIRED_FEE_RULES));
            }
        }
        return errors.size() > mark ? Optional.empty() : Optional.of(rules);
    }

    Optional<FeeRule> feeRule(JsonNode node, String path) {
        int mark = errors.size();
        Optional<ObjectNode> object = object(node, path, RULE_FIELDS);
        if (object.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode o = object.get();
        Optional<String> kind = text(o, path, "kind",
                k -> k.equals(PERCENTAGE) || k.equals(FLAT) ? Optional.empty() : Optional.of("must be percentage or flat"));
        Optional<List<FeeSplit>> splits = splits(o.get("splits"), field(path, "splits"));
        Optional<FeeRule> rule = Optional.empty();
        if (kind.filter(PERCENTAGE::equals).isPresent()) {
            notAllowed(o, path, "amount", "a percentage rule has a rateBps, not an amount");
            Optional<Long> rate = whole(o, path, "rateBps", 1, BasisPoints.WHOLE,
                    "must be a whole number of basis points from 1 to 10000 (150 = 1.5%)");
            if (errors.size() == mark) {
                rule = Optional.of(new FeeRule.Percentage(rate.orElseThrow().intValue(), splits.orElseThrow()));
            }
        } else if (kind.filter(FLAT::equals).isPresent()) {
            notAllowed(o, path, "rateBps", "a flat rule has an amount, not a rateBps");
            Optional<Money> amount = flatAmount(o.get("amount"), field(path, "amount"));
            if (errors.size() == mark) {
                rule = Optional.of(new FeeRule.Flat(amount.orElseThrow(), splits.orElseThrow()));
            }
        }
        return errors.size() > mark ? Optional.empty() : rule;
    }

    private Optional<Money> flatAmount(JsonNode node, String path) {
        int mark = errors.size();
        Optional<ObjectNode> object = object(node, path, AMOUNT_FIELDS);
        if (object.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> currency = text(object.get(), path, "currency",
                c -> Money.isCurrencyCode(c) ? Optional.empty() : Optional.of("must be an ISO-4217 currency code such as USD"));
        Optional<Long> minor = whole(object.get(), path, "minor", 1, Long.MAX_VALUE,
                "must be a whole number of minor units >= 1 (1000 = $10.00)");
        if (errors.size() > mark) {
            return Optional.empty();
        }
        return Optional.of(new Money(currency.orElseThrow(), minor.orElseThrow()));
    }

    private Optional<List<FeeSplit>> splits(JsonNode node, String path) {
        int mark = errors.size();
        Optional<ArrayNode> array = array(node, path);
        if (array.isEmpty()) {
            return Optional.empty();
        }
        if (array.get().isEmpty()) {
            reject(path, "must list at least one recipient");
        }
        List<FeeSplit> splits = new ArrayList<>();
        Map<FeeRecipient, Integer> firstIndex = new EnumMap<>(FeeRecipient.class);
        boolean everyBpsValid = true;
        for (int i = 0; i < array.get().size(); i++) {
            String splitPath = item(path, i);
            int splitMark = errors.size();
            Optional<ObjectNode> object = object(array.get().get(i), splitPath, SPLIT_FIELDS);
            if (object.isEmpty()) {
                everyBpsValid = false;
                continue;
            }
            Optional<FeeRecipient> to = text(object.get(), splitPath, "to", t -> FeeRecipient.fromWireName(t).isPresent()
                    ? Optional.empty() : Optional.of("must be one of " + recipientNames()))
                    .flatMap(FeeRecipient::fromWireName);
            int bpsMark = errors.size();
            Optional<Long> bps = whole(object.get(), splitPath, "bps", 1, BasisPoints.WHOLE,
                    "must be a whole number of basis points from 1 to 10000");
            everyBpsValid &= errors.size() == bpsMark;
            int index = i;
            to.ifPresent(recipient -> {
                Integer first = firstIndex.putIfAbsent(recipient, index);
                if (first != null) {
                    reject(field(splitPath, "to"), "duplicates " + item(path, first) + ": each recipient appears once");
                }
            });
            if (errors.size() == splitMark) {
                splits.add(new FeeSplit(to.orElseThrow(), bps.orElseThrow().intValue()));
            }
        }
        if (everyBpsValid && !array.get().isEmpty()) {
            long total = StreamSupport.stream(array.get().spliterator(), false).mapToLong(s -> s.get("bps").longValue()).sum();
            if (total != BasisPoints.WHOLE) {
                reject(path, "bps must add up to exactly 10000 (100%), not " + total);
            }
        }
        return errors.size() > mark ? Optional.empty() : Optional.of(splits);
    }

    // ---- EXP rewards

    /** Every ticket priority, each with whole EXP from 1 to {@link SeedConfig#MAX_EXP_REWARD}, nothing else. */
    Optional<Map<TicketPriority, Long>> expRewards(JsonNode node, String path) {
        int mark = errors.size();
        Set<String> priorities = Arrays.stream(TicketPriority.values()).map(Enum::name)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Optional<ObjectNode> object = object(node, path, priorities);
        if (object.isEmpty()) {
            return Optional.empty();
        }
        Map<TicketPriority, Long> rewards = new EnumMap<>(TicketPriority.class);
        for (TicketPriority priority : TicketPriority.values()) {
            whole(object.get(), path, priority.name(), 1, SeedConfig.MAX_EXP_REWARD,
                    "must be a whole number of EXP from 1 to " + SeedConfig.MAX_EXP_REWARD + "; every priority earns some")
                    .ifPresent(exp -> rewards.put(priority, exp));
        }
        return errors.size() > mark ? Optional.empty() : Optional.of(rewards);
    }

    // ---- roster

    Optional<List<RosterMember>> roster(JsonNode node, String path) {
        int mark = errors.size();
        Optional<ArrayNode> array = array(node, path);
        if (array.isEmpty()) {
            return Optional.empty();
        }
        List<RosterMember> members = new ArrayList<>();
        Map<String, Integer> firstEmail = new HashMap<>();
        Map<String, Integer> firstSub = new HashMap<>();
        Set<String> superAdmins = new HashSet<>();
        for (int i = 0; i < array.get().size(); i++) {
            JsonNode entry = array.get().get(i);
            String memberPath = item(path, i);
            member(entry, memberPath).ifPresent(members::add);
            int index = i;
            Optional<String> email = silentText(entry, "email").map(e -> e.toLowerCase(Locale.ROOT));
            email.ifPresent(e -> {
                Integer first = firstEmail.putIfAbsent(e, index);
                if (first != null) {
                    reject(field(memberPath, "email"), "duplicates " + item(path, first) + ": each person is listed once");
                }
            });
            silentText(entry, "sub").ifPresent(s -> {
                Integer first = firstSub.putIfAbsent(s, index);
                if (first != null) {
                    reject(field(memberPath, "sub"), "duplicates " + item(path, first) + ": each person is listed once");
                }
            });
            if (entry.path("roles") instanceof ArrayNode roles
                    && StreamSupport.stream(roles.spliterator(), false).anyMatch(r -> Role.SUPER_ADMIN.claimValue().equals(r.textValue()))) {
                superAdmins.add(email.orElse("#" + i));
            }
        }
        if (superAdmins.size() < SeedConfig.MIN_SUPER_ADMINS) {
            reject(path, "must hold at least " + SeedConfig.MIN_SUPER_ADMINS
                    + " different super_admins, so that every approval can have a second person (found " + superAdmins.size() + ")");
        }
        return errors.size() > mark ? Optional.empty() : Optional.of(members);
    }

    Optional<RosterMember> member(JsonNode node, String path) {
        int mark = errors.size();
        Optional<ObjectNode> object = object(node, path, MEMBER_FIELDS);
        if (object.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> email = text(object.get(), path, "email", RosterMember::emailProblem);
        Optional<String> sub = Optional.empty();
        if (object.get().has("sub") && object.get().get("sub").isNull()) {
            reject(field(path, "sub"), "must be a string; leave the field out while the sub is unknown");
        } else if (object.get().has("sub")) {
            sub = text(object.get(), path, "sub", RosterMember::subProblem);
        }
        Optional<Set<Role>> roles = roles(object.get().get("roles"), field(path, "roles"));
        if (errors.size() > mark) {
            return Optional.empty();
        }
        return Optional.of(new RosterMember(email.orElseThrow(), sub, roles.orElseThrow()));
    }

    private Optional<Set<Role>> roles(JsonNode node, String path) {
        int mark = errors.size();
        Optional<ArrayNode> array = array(node, path);
        if (array.isEmpty()) {
            return Optional.empty();
        }
        if (array.get().isEmpty()) {
            reject(path, "must hold at least one role");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (int i = 0; i < array.get().size(); i++) {
            JsonNode value = array.get().get(i);
            String rolePath = item(path, i);
            Optional<Role> role = value.isTextual() ? Role.fromClaim(value.textValue()) : Optional.empty();
            if (role.filter(Role.SERVICE::equals).isPresent()) {
                reject(rolePath, "service is the platform backend's role, never a person's");
            } else if (role.isEmpty()) {
                reject(rolePath, "must be one of " + staffRoleNames());
            } else if (!roles.add(role.get())) {
                reject(rolePath, "is listed twice");
            }
        }
        return errors.size() > mark ? Optional.empty() : Optional.of(roles);
    }

    // ---- JSON structure

    Optional<ObjectNode> object(JsonNode node, String path, Set<String> allowed) {
        if (!present(node)) {
            reject(path, "is required");
            return Optional.empty();
        }
        if (!(node instanceof ObjectNode object)) {
            reject(path, "must be a JSON object");
            return Optional.empty();
        }
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                reject(field(path, name), "unknown field; allowed fields are " + new TreeSet<>(allowed));
            }
        }
        return Optional.of(object);
    }

    Optional<ArrayNode> array(JsonNode node, String path) {
        if (!present(node)) {
            reject(path, "is required");
            return Optional.empty();
        }
        if (!(node instanceof ArrayNode array)) {
            reject(path, "must be a JSON array");
            return Optional.empty();
        }
        return Optional.of(array);
    }

    /** A required string field that passes {@code rule} (which names the problem, if any). */
    Optional<String> text(ObjectNode object, String path, String name, Function<String, Optional<String>> rule) {
        JsonNode value = object.get(name);
        String fieldPath = field(path, name);
        if (!present(value)) {
            reject(fieldPath, "is required");
            return Optional.empty();
        }
        if (!value.isTextual()) {
            reject(fieldPath, "must be a string");
            return Optional.empty();
        }
        Optional<String> problem = rule.apply(value.textValue());
        problem.ifPresent(p -> reject(fieldPath, p));
        return problem.isPresent() ? Optional.empty() : Optional.of(value.textValue());
    }

    Optional<Long> whole(ObjectNode object, String path, String name, long min, long max, String rangeProblem) {
        JsonNode value = object.get(name);
        String fieldPath = field(path, name);
        if (!present(value)) {
            reject(fieldPath, "is required");
            return Optional.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()
                || value.longValue() < min || value.longValue() > max) {
            reject(fieldPath, rangeProblem);
            return Optional.empty();
        }
        return Optional.of(value.longValue());
    }

    private void notAllowed(ObjectNode object, String path, String name, String why) {
        if (object.has(name)) {
            reject(field(path, name), "is not allowed here: " + why);
        }
    }

    private static boolean present(JsonNode node) {
        return node != null && !node.isMissingNode() && !node.isNull();
    }

    private static Optional<Chain> silentChain(JsonNode entry) {
        return silentText(entry, "chain").flatMap(Chain::parse);
    }

    private static Optional<String> silentText(JsonNode entry, String name) {
        JsonNode value = entry == null ? null : entry.get(name);
        return value != null && value.isTextual() ? Optional.of(value.textValue()) : Optional.empty();
    }

    private static List<String> recipientNames() {
        return Arrays.stream(FeeRecipient.values()).map(FeeRecipient::wireName).toList();
    }

    private static List<String> staffRoleNames() {
        return Role.STAFF.stream().map(Role::claimValue).toList();
    }
}
