package com.warroom.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.warroom.alarms.AlarmCatalog;
import com.warroom.topology.QueueDef;
import com.warroom.topology.RouteDef;
import com.warroom.topology.Topology;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README documents what exists and only that: every route of the topology is in its API tables and every row of
 * those tables is a route; every alarm of the synthesized stack is named in it (a runbook says what to do), and every
 * alarm it names exists.
 */
class ReadmeAgreementTest {

    // a row of an API table: | `GET /v1/orders/{orderId}` | ...
    private static final Pattern ROUTE_ROW = Pattern.compile("(?m)^\\| `(GET|POST|PUT|PATCH|DELETE) (/[^`?]*)(\\?[^`]*)?` \\|");
    private static final Pattern NAME = Pattern.compile("`(" + WarroomApp.STACK_NAME + "-[a-z0-9<>-]+)`");
    // what the README calls an alarm: "alarm `Warroom-...`" (schedules share the prefix)
    private static final Pattern ALARM_NAME = Pattern.compile("(?i)alarms? `(" + WarroomApp.STACK_NAME + "-[a-z0-9<>-]+)`");

    private static String readme;

    @BeforeAll
    static void readReadme() throws IOException {
        readme = Files.readString(RepoRoot.ofInfraModule().path().resolve("README.md"));
    }

    @Test
    void apiTables_listEveryRouteOfTheTopology_andNoOther() {
        Set<String> documented = new TreeSet<>();
        Matcher row = ROUTE_ROW.matcher(readme);
        while (row.find()) {
            documented.add(row.group(1) + " " + row.group(2));
        }
        Set<String> routes = new TreeSet<>(Topology.warroom().routes().stream().map(RouteDef::routeKey).toList());

        assertThat(documented).as("routes in the README's API tables").isEqualTo(routes);
    }

    @Test
    void readme_namesEveryAlarmOfTheStack_andNoOther() {
        SynthesizedWarroom warroom = SynthesizedWarroom.get();
        Set<String> alarms = new TreeSet<>();
        Map<String, Map<String, Object>> resources = warroom.resourcesOfType("AWS::CloudWatch::Alarm");
        resources.values().forEach(resource -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> properties = (Map<String, Object>) resource.get("Properties");
            alarms.add(String.valueOf(properties.get("AlarmName")));
        });
        List<String> deadLetterAlarms = Topology.warroom().queues().stream()
                .map(q -> WarroomApp.STACK_NAME + "-" + AlarmCatalog.deadLetterAlarm(q)).toList();

        Set<String> named = matches(NAME);
        Set<String> calledAlarms = matches(ALARM_NAME);
        // one runbook covers every dead-letter queue, by the pattern of their names
        String deadLetterPattern = WarroomApp.STACK_NAME + "-" + AlarmCatalog.deadLetterAlarm(new QueueDef("<queue>", "", 30, 1));
        assertThat(calledAlarms).as("alarm names in the README").contains(deadLetterPattern);

        Set<String> undocumented = new TreeSet<>(alarms);
        undocumented.removeAll(deadLetterAlarms);
        undocumented.removeAll(named);
        // the SLO burn-rate windows (hundreds, one per SLO, window and part) are documented by the pattern of their names
        String sloWindowPattern = WarroomApp.STACK_NAME + "-slo-<slo>-<factor>x-<window>";
        assertThat(named).as("SLO window alarms in the README").contains(sloWindowPattern);
        undocumented.removeIf(alarm -> alarm.startsWith(WarroomApp.STACK_NAME + "-slo-"));
        assertThat(undocumented).as("alarms without a word in the README").isEmpty();

        Set<String> unknown = new TreeSet<>(calledAlarms);
        unknown.remove(deadLetterPattern);
        unknown.removeAll(alarms);
        assertThat(unknown).as("alarms the README names that the stack does not build").isEmpty();
    }

    private static Set<String> matches(Pattern pattern) {
        Set<String> found = new TreeSet<>();
        Matcher m = pattern.matcher(readme);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
