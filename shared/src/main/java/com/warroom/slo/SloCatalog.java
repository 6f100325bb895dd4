package com.warroom.slo;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.alarms.Owner;
import com.warroom.json.Json;
import com.warroom.topology.RouteDef;
import com.warroom.topology.Topology;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Warroom's SLOs ({@code config/slo.json}, bundled in the shared jar): the route groups and each SLO with its objective
 * over the window. The report (functions/slo) measures them; the CDK app builds burn-rate alarms from them.
 */
public record SloCatalog(Duration window, List<RouteGroup> routeGroups, List<Slo> slos) {

    /** Where the file is in the repository, and on the classpath of every module that uses shared. */
    public static final String RESOURCE = "config/slo.json";

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern OBJECTIVE = Pattern.compile("0\\.[0-9]{1,6}");
    private static final Set<String> SLO_FIELDS = Set.of("id", "name", "kind", "objective", "routeGroup", "thresholdMs",
            "slaMinutes", "eventType", "limitMinutes", "owner", "runbook");
    /** The platform events whose success is an SLO: the ones a user starts. */
    static final Set<String> USER_EVENT_TYPES = Set.of("ContributionConfirmed", "ReferralClaimed", "RefundIssued");

    public SloCatalog {
        routeGroups = List.copyOf(routeGroups);
        slos = List.copyOf(slos);
    }

    /** The bundled catalog; throws {@link SloCatalogException} naming every problem of a bad file. */
    public static SloCatalog load() {
        try (InputStream in = SloCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath: the shared jar bundles it from config/");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The catalog of {@code json}; {@code source} names the file in the problems. */
    public static SloCatalog parse(String json, String source) {
        JsonNode root;
        try {
            root = Json.readTree(json);
        } catch (RuntimeException e) {
            throw new SloCatalogException(source, List.of("not JSON"));
        }
        List<String> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new SloCatalogException(source, List.of("the file is not a JSON object"));
        }
        JsonNode days = root.path("windowDays");
        if (!days.isInt() || days.asInt() < 1 || days.asInt() > 90) {
            problems.add("windowDays: a whole number of days from 1 to 90");
        }
        Duration window = Duration.ofDays(days.isInt() ? Math.max(1, days.asInt()) : 30);
        List<RouteGroup> groups = groups(root.path("routeGroups"), problems);
        List<Slo> slos = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        JsonNode list = root.path("slos");
        if (!list.isArray() || list.isEmpty()) {
            problems.add("slos: a non-empty array");
        } else {
            for (int i = 0; i < list.size(); i++) {
                slo(list.get(i), "slos[" + i + "]", window, groups, problems).ifPresent(slo -> {
                    if (!ids.add(slo.id())) {
                        problems.add("slos: id " + slo.id() + " is used twice");
                    }
                    slos.add(slo);
                });
            }
        }
        if (!problems.isEmpty()) {
            throw new SloCatalogException(source, problems);
        }
        return new SloCatalog(window, groups, slos);
    }

    public Optional<Slo> slo(String id) {
        return slos.stream().filter(slo -> slo.id().equals(id)).findFirst();
    }

    public Optional<RouteGroup> group(String id) {
        return routeGroups.stream().filter(group -> group.id().equals(id)).findFirst();
    }

    /** The groups covering a route's path: exactly one for every route of the topology (the catalog's test holds it). */
    public List<RouteGroup> groupsOf(String path) {
        return routeGroups.stream().filter(group -> group.covers(path)).toList();
    }

    /** The route keys ({@code GET /v1/payouts/{payoutId}}) of a group's routes in {@code topology}. */
    public List<String> routeKeys(String groupId, Topology topology) {
        RouteGroup group = group(groupId).orElseThrow(() -> new IllegalArgumentException("no route group " + groupId));
        return topology.routes().stream().filter(route -> group.covers(route.route().path())).map(RouteDef::routeKey).toList();
    }

    /** The metrics an SLO's ratio is counted from, per route for an API SLO (of {@code topology}'s routes). */
    public SliCounts metrics(Slo slo, Topology topology) {
        return switch (slo.source()) {
            case SliSource.ApiRequests api -> {
                List<String> routes = routeKeys(api.routeGroup(), topology);
                yield new SliCounts(SliCounts.Counted.BAD, perRoute(routes, SloMetrics.SERVER_ERRORS, "Sum"),
                        perRoute(routes, SloMetrics.COUNT, "Sum"));
            }
            case SliSource.ApiLatency api -> {
                List<String> routes = routeKeys(api.routeGroup(), topology);
                yield new SliCounts(SliCounts.Counted.GOOD, perRoute(routes, SloMetrics.LATENCY, api.goodStatistic()),
                        perRoute(routes, SloMetrics.LATENCY, "SampleCount"));
            }
            case SliSource.PayoutSla p -> events(slo);
            case SliSource.PlatformEvents p -> events(slo);
            case SliSource.StuckShare s -> events(slo);
        };
    }

    private static SliCounts events(Slo slo) {
        return new SliCounts(SliCounts.Counted.GOOD, SloMetrics.good(slo), SloMetrics.valid(slo));
    }

    private static List<SliMetric> perRoute(List<String> routes, String metric, String statistic) {
        return routes.stream().map(route -> new SliMetric(SloMetrics.API_NAMESPACE, metric, SloMetrics.route(route), statistic)).toList();
    }

    private static List<RouteGroup> groups(JsonNode node, List<String> problems) {
        List<RouteGroup> groups = new ArrayList<>();
        if (!node.isArray() || node.isEmpty()) {
            problems.add("routeGroups: a non-empty array");
            return groups;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode group = node.get(i);
            String at = "routeGroups[" + i + "]";
            String id = text(group, "id", at, problems);
            String name = text(group, "name", at, problems);
            List<String> prefixes = new ArrayList<>();
            JsonNode list = group.path("prefixes");
            if (!list.isArray() || list.isEmpty()) {
                problems.add(at + ".prefixes: a non-empty array of paths");
            } else {
                for (int p = 0; p < list.size(); p++) {
                    String prefix = list.get(p).asText("");
                    if (!list.get(p).isTextual() || !prefix.startsWith("/v1/") || prefix.endsWith("/")) {
                        problems.add(at + ".prefixes[" + p + "]: a path under /v1/ without a trailing slash");
                    } else {
                        prefixes.add(prefix);
                    }
                }
            }
            if (id != null && !ids.add(id)) {
                problems.add(at + ".id: " + id + " is used twice");
            }
            if (id != null && name != null) {
                groups.add(new RouteGroup(id, name, prefixes));
            }
        }
        // a route must fall in one group only: no prefix may cover another group's
        for (RouteGroup a : groups) {
            for (RouteGroup b : groups) {
                if (a != b) {
                    for (String prefix : b.prefixes()) {
                        if (a.covers(prefix)) {
                            problems.add("routeGroups: " + prefix + " of " + b.id() + " is inside group " + a.id());
                        }
                    }
                }
            }
        }
        return groups;
    }

    private static Optional<Slo> slo(JsonNode node, String at, Duration window, List<RouteGroup> groups, List<String> problems) {
        if (!node.isObject()) {
            problems.add(at + ": an object");
            return Optional.empty();
        }
        int before = problems.size();
        node.fieldNames().forEachRemaining(field -> {
            if (!SLO_FIELDS.contains(field)) {
                problems.add(at + "." + field + ": not a field of an SLO");
            }
        });
        String id = text(node, "id", at, problems);
        if (id != null && !ID.matcher(id).matches()) {
            problems.add(at + ".id: lower-case words joined by '-'");
        }
        String name = text(node, "name", at, problems);
        String kindName = text(node, "kind", at, problems);
        Optional<SloKind> kind = Optional.ofNullable(kindName).flatMap(SloKind::of);
        if (kindName != null && kind.isEmpty()) {
            problems.add(at + ".kind: one of " + java.util.Arrays.stream(SloKind.values()).map(SloKind::wireName).toList());
        }
        BigDecimal objective = objective(node.path("objective"), at, problems);
        String ownerName = text(node, "owner", at, problems);
        Optional<Owner> owner = Optional.ofNullable(ownerName).flatMap(SloCatalog::owner);
        if (ownerName != null && owner.isEmpty()) {
            problems.add(at + ".owner: backend, ops or finance");
        }
        String runbook = text(node, "runbook", at, problems);
        if (runbook != null && !ID.matcher(runbook).matches()) {
            problems.add(at + ".runbook: a README heading's anchor (lower-case words joined by '-')");
        }
        SliSource source = kind.map(k -> source(k, node, at, groups, problems)).orElse(null);
        if (problems.size() > before || source == null) {
            return Optional.empty();
        }
        return Optional.of(new Slo(id, name, kind.orElseThrow(), objective, window, source, owner.orElseThrow(), runbook));
    }

    private static SliSource source(SloKind kind, JsonNode node, String at, List<RouteGroup> groups, List<String> problems) {
        return switch (kind) {
            case API_AVAILABILITY, WEBHOOK_SUCCESS -> new SliSource.ApiRequests(routeGroup(node, at, groups, problems));
            case API_LATENCY -> new SliSource.ApiLatency(routeGroup(node, at, groups, problems),
                    positive(node, "thresholdMs", 60_000, at, problems));
            case PAYOUT_SLA -> new SliSource.PayoutSla(positive(node, "slaMinutes", 24 * 60, at, problems));
            case PLATFORM_EVENT_SUCCESS -> {
                String type = text(node, "eventType", at, problems);
                if (type != null && !USER_EVENT_TYPES.contains(type)) {
                    problems.add(at + ".eventType: one of " + USER_EVENT_TYPES.stream().sorted().toList());
                }
                yield new SliSource.PlatformEvents(type);
            }
            case STUCK_SHARE -> new SliSource.StuckShare(positive(node, "limitMinutes", 24 * 60, at, problems));
        };
    }

    private static String routeGroup(JsonNode node, String at, List<RouteGroup> groups, List<String> problems) {
        String id = text(node, "routeGroup", at, problems);
        if (id != null && groups.stream().noneMatch(group -> group.id().equals(id))) {
            problems.add(at + ".routeGroup: " + id + " is not a route group");
        }
        return id;
    }

    private static BigDecimal objective(JsonNode node, String at, List<String> problems) {
        // a string, so the ratio is read exactly: a JSON number would pass through a double first
        if (!node.isTextual() || !OBJECTIVE.matcher(node.asText()).matches()) {
            problems.add(at + ".objective: a ratio as a string, above 0 and below 1, e.g. \"0.999\"");
            return null;
        }
        BigDecimal objective = new BigDecimal(node.asText());
        if (objective.signum() == 0) {
            problems.add(at + ".objective: above 0");
        }
        return objective;
    }

    private static int positive(JsonNode parent, String field, int max, String at, List<String> problems) {
        JsonNode node = parent.path(field);
        if (!node.isInt() || node.asInt() < 1 || node.asInt() > max) {
            problems.add(at + "." + field + ": a whole number from 1 to " + max);
            return 1;
        }
        return node.asInt();
    }

    private static String text(JsonNode parent, String field, String at, List<String> problems) {
        JsonNode node = parent.path(field);
        if (!node.isTextual() || node.asText().isBlank()) {
            problems.add(at + "." + field + ": a non-empty string");
            return null;
        }
        return node.asText();
    }

    private static Optional<Owner> owner(String name) {
        return java.util.Arrays.stream(Owner.values()).filter(owner -> owner.tag().equals(name.toLowerCase(Locale.ROOT))
                && owner.tag().equals(name)).findFirst();
    }

    /** The catalog's SLOs by id, in file order. */
    public Map<String, Slo> byId() {
        Map<String, Slo> map = new java.util.LinkedHashMap<>();
        slos.forEach(slo -> map.put(slo.id(), slo));
        return map;
    }
}
