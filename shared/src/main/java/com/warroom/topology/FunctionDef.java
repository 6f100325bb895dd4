package com.warroom.topology;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One Lambda function: the Maven module that builds it, the jar that CDK uploads, its handler class (named as data so
 * that infra needs no code of the functions), what starts it ({@link Trigger}) and what it may touch. Built with
 * {@link #builder(String)}.
 */
public record FunctionDef(
        String name,
        String module,
        String jar,
        String handlerClass,
        int memoryMb,
        int timeoutSeconds,
        Trigger trigger,
        Map<TableDef, TableAccess> tables,
        Set<QueueDef> sendsTo,
        Set<QueueDef> describesQueues,
        Set<TopicDef> publishesTo,
        Set<String> startsWorkflows,
        Set<String> completesWorkflowTasks,
        Set<SecretDef> readsSecrets,
        Map<KeyDef, KeyUse> keys,
        Map<BucketDef, BucketAccess> buckets,
        Set<ExternalApiDef> callsApis,
        Set<MailDef> sendsMail,
        Set<QueueDef> deadLetters,
        boolean readsMetrics,
        boolean queriesLogs) {

    public FunctionDef {
        Objects.requireNonNull(trigger, "trigger");
        tables = Map.copyOf(tables);
        sendsTo = Set.copyOf(sendsTo);
        describesQueues = Set.copyOf(describesQueues);
        publishesTo = Set.copyOf(publishesTo);
        startsWorkflows = Set.copyOf(startsWorkflows);
        completesWorkflowTasks = Set.copyOf(completesWorkflowTasks);
        readsSecrets = Set.copyOf(readsSecrets);
        keys = Map.copyOf(keys);
        buckets = Map.copyOf(buckets);
        callsApis = Set.copyOf(callsApis);
        sendsMail = Set.copyOf(sendsMail);
        deadLetters = Set.copyOf(deadLetters);
        if (trigger instanceof Trigger.QueueConsumer consumer
                && timeoutSeconds > consumer.queue().visibilityTimeoutSeconds()) {
            // Lambda refuses an event source whose queue would hand a message to a second poller mid-batch
            throw new IllegalArgumentException(name + ": the timeout (" + timeoutSeconds + " s) is over the visibility timeout of "
                    + consumer.queue().logicalName() + " (" + consumer.queue().visibilityTimeoutSeconds() + " s)");
        }
    }

    /** Set by the CDK app for a function that {@link #queriesLogs()}: the log groups it may query, comma-separated. */
    public static final String LOG_GROUPS_ENV = "WARROOM_LOG_GROUPS";

    /** Set by the local runner for a function that {@link #queriesLogs()}: the folder of the runner's log files. */
    public static final String LOCAL_LOG_DIR_ENV = "WARROOM_LOCAL_LOG_DIR";

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** A builder holding this definition, to derive another (tests move functions onto other jars this way). */
    public Builder toBuilder() {
        Builder b = new Builder(name).module(module).jar(jar).handler(handlerClass).memoryMb(memoryMb).timeoutSeconds(timeoutSeconds)
                .trigger(trigger);
        tables.forEach(b::table);
        sendsTo.forEach(b::sendsTo);
        describesQueues.forEach(b::describes);
        publishesTo.forEach(b::publishes);
        startsWorkflows.forEach(b::starts);
        completesWorkflowTasks.forEach(b::completesTasksOf);
        readsSecrets.forEach(b::readsSecret);
        keys.forEach(b::key);
        buckets.forEach(b::bucket);
        callsApis.forEach(b::calls);
        sendsMail.forEach(b::sendsMail);
        deadLetters.forEach(b::deadLetters);
        if (readsMetrics) {
            b.readsMetrics();
        }
        if (queriesLogs) {
            b.queriesLogs();
        }
        return b;
    }

    /** The HTTP routes of an HTTP-triggered function; none for other triggers. */
    public List<HttpRoute> routes() {
        return trigger instanceof Trigger.Http http ? http.routes() : List.of();
    }

    /** The Lambda jar built for this function, relative to the repository root: {@code <module>/target/<jar>-lambda.jar}. */
    public String jarPath() {
        return module + "/target/" + jar + "-lambda.jar";
    }

    /** The Lambda handler string. */
    public String handler() {
        return handlerClass + "::handleRequest";
    }

    /** Collects a {@link FunctionDef}; memory 1024 MB and timeout 15 s unless set. */
    public static final class Builder {
        private final String name;
        private String module;
        private String jar;
        private String handlerClass;
        private int memoryMb = 1024;
        private int timeoutSeconds = 15;
        private Trigger trigger;
        private final Map<TableDef, TableAccess> tables = new LinkedHashMap<>();
        private final Set<QueueDef> sendsTo = new LinkedHashSet<>();
        private final Set<QueueDef> describesQueues = new LinkedHashSet<>();
        private final Set<TopicDef> publishesTo = new LinkedHashSet<>();
        private final Set<String> startsWorkflows = new LinkedHashSet<>();
        private final Set<String> completesWorkflowTasks = new LinkedHashSet<>();
        private final Set<SecretDef> readsSecrets = new LinkedHashSet<>();
        private final Map<KeyDef, KeyUse> keys = new LinkedHashMap<>();
        private final Map<BucketDef, BucketAccess> buckets = new LinkedHashMap<>();
        private final Set<ExternalApiDef> callsApis = new LinkedHashSet<>();
        private final Set<MailDef> sendsMail = new LinkedHashSet<>();
        private final Set<QueueDef> deadLetters = new LinkedHashSet<>();
        private boolean readsMetrics;
        private boolean queriesLogs;

        private Builder(String name) {
            this.name = name;
        }

        /** The Maven module that builds the jar, e.g. {@code functions/flag-toggle}. */
        public Builder module(String module) {
            this.module = module;
            return this;
        }

        /**
         * The jar's name when the module builds a leaner jar for this function than its own (a shade execution with that
         * output name); by default the module's jar.
         */
        public Builder jar(String jar) {
            this.jar = jar;
            return this;
        }

        public Builder handler(String handlerClass) {
            this.handlerClass = handlerClass;
            return this;
        }

        public Builder memoryMb(int memoryMb) {
            this.memoryMb = memoryMb;
            return this;
        }

        public Builder timeoutSeconds(int timeoutSeconds) {
            this.timeoutSeconds = timeoutSeconds;
            return this;
        }

        public Builder trigger(Trigger trigger) {
            this.trigger = trigger;
            return this;
        }

        /** Started by these HTTP routes. */
        public Builder routes(HttpRoute... routes) {
            return trigger(new Trigger.Http(List.of(routes)));
        }

        public Builder table(TableDef table, TableAccess access) {
            tables.put(table, access);
            return this;
        }

        public Builder sendsTo(QueueDef queue) {
            sendsTo.add(queue);
            return this;
        }

        /** Reads the queue's attributes (depth): for health checks. */
        public Builder describes(QueueDef queue) {
            describesQueues.add(queue);
            return this;
        }

        public Builder publishes(TopicDef topic) {
            publishesTo.add(topic);
            return this;
        }

        /** Starts executions of the workflow (by its logical name; executions are named after the request). */
        public Builder starts(String workflow) {
            startsWorkflows.add(workflow);
            return this;
        }

        /** Sends task success/failure to the workflow's waiting executions: only the decision route may. */
        public Builder completesTasksOf(String workflow) {
            completesWorkflowTasks.add(workflow);
            return this;
        }

        /** Reads the secret's value at run time (never from its environment). */
        public Builder readsSecret(SecretDef secret) {
            readsSecrets.add(secret);
            return this;
        }

        /** Writes records sealed with the key: may generate and verify MACs. */
        public Builder seals(KeyDef key) {
            return key(key, KeyUse.SEAL);
        }

        /** Reads records sealed with the key: may only verify MACs. */
        public Builder verifiesSeals(KeyDef key) {
            return key(key, KeyUse.VERIFY);
        }

        private Builder key(KeyDef key, KeyUse use) {
            keys.put(key, use);
            return this;
        }

        public Builder bucket(BucketDef bucket, BucketAccess access) {
            buckets.put(bucket, access);
            return this;
        }

        /** Calls the API outside AWS (its base URL comes in the API's environment variable). */
        public Builder calls(ExternalApiDef api) {
            callsApis.add(api);
            return this;
        }

        /** Sends email from the mail's sender address through SES. */
        public Builder sendsMail(MailDef mail) {
            sendsMail.add(mail);
            return this;
        }

        /**
         * Sends to the queue's dead-letter queue itself (its URL in {@link QueueDef#dlqUrlEnvVar()}): for a consumer that
         * knows a message can never succeed and parks it at once with the reason, instead of failing it until the queue
         * gives up.
         */
        public Builder deadLetters(QueueDef queue) {
            deadLetters.add(queue);
            return this;
        }

        /**
         * Reads CloudWatch metric data (GetMetricData, which IAM cannot narrow to a resource), with the HTTP API's id
         * and the stack's name to find AWS's own metrics of Warroom: for the alarm evaluation.
         */
        public Builder readsMetrics() {
            this.readsMetrics = true;
            return this;
        }

        /**
         * Queries Warroom's own logs for a time window (CloudWatch Logs Insights StartQuery, GetQueryResults, StopQuery
         * over the functions' log groups, named in {@link #LOG_GROUPS_ENV}; locally the runner's log files in
         * {@link #LOCAL_LOG_DIR_ENV}): for the evidence of an incident.
         */
        public Builder queriesLogs() {
            this.queriesLogs = true;
            return this;
        }

        public FunctionDef build() {
            Objects.requireNonNull(module, "module");
            return new FunctionDef(name, module, jar == null ? module.substring(module.lastIndexOf('/') + 1) : jar,
                    Objects.requireNonNull(handlerClass, "handler"),
                    memoryMb, timeoutSeconds, Objects.requireNonNull(trigger, name + ": a function needs a trigger"),
                    tables, sendsTo, describesQueues, publishesTo, startsWorkflows, completesWorkflowTasks, readsSecrets, keys,
                    buckets, callsApis, sendsMail, deadLetters, readsMetrics, queriesLogs);
        }
    }
}
