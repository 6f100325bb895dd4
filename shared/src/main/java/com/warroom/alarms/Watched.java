package com.warroom.alarms;

import com.warroom.observability.OpsMetrics;
import com.warroom.topology.QueueDef;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** What an alarm watches: a metric of Warroom's own, or one AWS publishes for the API, the functions or a queue. */
public sealed interface Watched {

    /** The CloudWatch namespace of the metric. */
    String namespace();

    /** The metric's name in its namespace. */
    String metricName();

    /** How a period's points make its value. */
    Statistic statistic();

    /**
     * The statistic as CloudWatch is asked for it: the {@link #statistic()}'s name, or a trimmed count such as
     * {@code TC(:1000)} for a metric counted only up to a value.
     */
    default String cloudWatchStatistic() {
        return statistic().cloudWatchName();
    }

    /** Whether a raw point of this value is counted (a trimmed count leaves out the values above its bound). */
    default boolean counts(double value) {
        return true;
    }

    /** A short text for descriptions and the console: {@code StuckOldestAgeSeconds{kind=payout} Maximum}. */
    default String describe() {
        return metricName() + " " + statistic().cloudWatchName();
    }

    /**
     * A metric the functions publish ({@code OpsMetrics.count} or {@code measure}) in namespace Warroom. The
     * dimensions narrow it (a points with more dimensions, such as Powertools' {@code Service}, still matches); none
     * means every series of the name, whichever function publishes it.
     */
    record WarroomMetric(String metricName, Map<String, String> dimensions, Statistic statistic) implements Watched {

        public WarroomMetric {
            dimensions = new TreeMap<>(dimensions);
        }

        public static WarroomMetric sum(String name) {
            return new WarroomMetric(name, Map.of(), Statistic.SUM);
        }

        public static WarroomMetric maximum(String name, Map<String, String> dimensions) {
            return new WarroomMetric(name, dimensions, Statistic.MAXIMUM);
        }

        @Override
        public String namespace() {
            return OpsMetrics.NAMESPACE;
        }

        /**
         * Whether it is one plain metric (its dimensions are the exact set, {@code Service} among them, as Powertools
         * publishes it) rather than a Metrics Insights query over every series that has its dimensions.
         */
        public boolean plain() {
            return dimensions.containsKey(AlarmRule.SERVICE_DIMENSION);
        }

        /** Whether a point with these dimensions belongs to this metric. */
        public boolean matches(Map<String, String> pointDimensions) {
            return plain() ? pointDimensions.equals(dimensions) : pointDimensions.entrySet().containsAll(dimensions.entrySet());
        }

        /** {@code SELECT MAX(StuckOldestAgeSeconds) FROM "Warroom" WHERE kind = 'payout'}: the query of a metric that is not plain. */
        public String insightsQuery() {
            StringBuilder query = new StringBuilder("SELECT ").append(statistic.insightsFunction()).append('(').append(metricName)
                    .append(") FROM \"").append(OpsMetrics.NAMESPACE).append('"');
            String where = dimensions.entrySet().stream().map(e -> e.getKey() + " = '" + e.getValue().replace("'", "\\'") + "'")
                    .collect(java.util.stream.Collectors.joining(" AND "));
            if (!where.isEmpty()) {
                query.append(" WHERE ").append(where);
            }
            return query.toString();
        }

        @Override
        public String describe() {
            String labels = dimensions.isEmpty() ? "" : dimensions.toString().replace(", ", ",");
            return metricName + labels + " " + statistic.cloudWatchName();
        }
    }

    /**
     * What API Gateway publishes for the HTTP API (namespace AWS/ApiGateway, dimension ApiId; per route, with detailed
     * metrics, dimensions ApiId, Stage and Route).
     */
    enum ApiSignal {
        REQUESTS("Count", Statistic.SUM),
        CLIENT_ERRORS("4xx", Statistic.SUM),
        SERVER_ERRORS("5xx", Statistic.SUM),
        LATENCY_P95("Latency", Statistic.P95),
        LATENCY_SAMPLES("Latency", Statistic.SAMPLE_COUNT);

        private final String metricName;
        private final Statistic statistic;

        ApiSignal(String metricName, Statistic statistic) {
            this.metricName = metricName;
            this.statistic = statistic;
        }
    }

    /**
     * An API metric of the whole API, or of one route ({@code route}: its key, {@code GET /v1/payouts/{payoutId}}).
     * {@code atMostMillis} counts only the requests answered within that many milliseconds (with
     * {@link ApiSignal#LATENCY_SAMPLES}: CloudWatch's trimmed count {@code TC(:ms)}).
     */
    record ApiMetric(ApiSignal signal, Optional<String> route, java.util.OptionalLong atMostMillis) implements Watched {

        public static final String NAMESPACE = "AWS/ApiGateway";
        /** API Gateway's dimensions of an HTTP API's metrics, and the stage Warroom deploys to. */
        public static final String API_ID = "ApiId";
        public static final String STAGE = "Stage";
        public static final String ROUTE = "Route";
        public static final String DEFAULT_STAGE = "$default";

        public ApiMetric {
            if (atMostMillis.isPresent() && signal != ApiSignal.LATENCY_SAMPLES) {
                throw new IllegalArgumentException("only latency samples are counted up to a bound");
            }
        }

        /** The whole API's metric. */
        public ApiMetric(ApiSignal signal) {
            this(signal, Optional.empty(), java.util.OptionalLong.empty());
        }

        /** One route's metric. */
        public static ApiMetric ofRoute(ApiSignal signal, String routeKey) {
            return new ApiMetric(signal, Optional.of(routeKey), java.util.OptionalLong.empty());
        }

        /** One route's requests answered within {@code millis}. */
        public static ApiMetric answeredWithin(String routeKey, long millis) {
            return new ApiMetric(ApiSignal.LATENCY_SAMPLES, Optional.of(routeKey), java.util.OptionalLong.of(millis));
        }

        @Override
        public String namespace() {
            return NAMESPACE;
        }

        @Override
        public String metricName() {
            return signal.metricName;
        }

        @Override
        public Statistic statistic() {
            return signal.statistic;
        }

        @Override
        public String cloudWatchStatistic() {
            return atMostMillis.isPresent() ? "TC(:" + atMostMillis.getAsLong() + ")" : statistic().cloudWatchName();
        }

        @Override
        public boolean counts(double value) {
            return atMostMillis.isEmpty() || value <= atMostMillis.getAsLong();
        }

        @Override
        public String describe() {
            return metricName() + route.map(r -> "{Route=" + r + "}").orElse("") + " " + cloudWatchStatistic();
        }
    }

    /** What Lambda publishes (namespace AWS/Lambda), summed. */
    enum LambdaSignal {
        ERRORS("Errors"), THROTTLES("Throttles");

        private final String metricName;

        LambdaSignal(String metricName) {
            this.metricName = metricName;
        }
    }

    /**
     * A Lambda metric of one topology function ({@code function}: its name in the topology), or with no function the
     * account's aggregate over every function, which Lambda publishes without dimensions.
     */
    record LambdaMetric(LambdaSignal signal, Optional<String> function) implements Watched {

        public static final String NAMESPACE = "AWS/Lambda";

        @Override
        public String namespace() {
            return NAMESPACE;
        }

        @Override
        public String metricName() {
            return signal.metricName;
        }

        @Override
        public Statistic statistic() {
            return Statistic.SUM;
        }

        @Override
        public String describe() {
            return function.map(f -> metricName() + "{function=" + f + "} Sum").orElse(metricName() + " Sum (every function)");
        }
    }

    /** The messages waiting in a queue's dead-letter queue (AWS/SQS ApproximateNumberOfMessagesVisible, maximum). */
    record DeadLetters(QueueDef queue) implements Watched {

        public static final String NAMESPACE = "AWS/SQS";

        @Override
        public String namespace() {
            return NAMESPACE;
        }

        @Override
        public String metricName() {
            return "ApproximateNumberOfMessagesVisible";
        }

        @Override
        public Statistic statistic() {
            return Statistic.MAXIMUM;
        }

        @Override
        public String describe() {
            return "messages in the " + queue.logicalName() + " DLQ";
        }
    }
}
