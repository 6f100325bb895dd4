package com.warroom.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.warroom.local.stack.HandlerClass;
import com.warroom.local.stack.HandlerUnusable;
import com.warroom.topology.FunctionDef;
import com.warroom.topology.Topology;
import com.warroom.topology.Trigger;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every handler the topology names loads from the classpath {@code ./warroom} runs the runner with
 * ({@code target/classpath.txt}, the runtime scope), in a class loader of its own so that test-scope jars cannot hide a
 * missing function module: a public class implementing RequestHandler for its trigger's event, with a public no-arg
 * constructor, as Lambda needs it.
 */
class TopologyHandlersTest {

    private static URLClassLoader runtime;

    @BeforeAll
    static void runtimeClasspath() throws IOException {
        Path listing = Path.of("target", "classpath.txt");
        assertThat(listing).as("written by maven-dependency-plugin in generate-resources").isRegularFile();
        List<URL> urls = new ArrayList<>();
        urls.add(url(Path.of("target", "classes")));
        for (String entry : Files.readString(listing).strip().split(java.io.File.pathSeparator)) {
            urls.add(url(Path.of(entry)));
        }
        runtime = new URLClassLoader("warroom-runner-runtime", urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    @AfterAll
    static void close() throws IOException {
        runtime.close();
    }

    @TestFactory
    List<DynamicTest> everyHandler_loadsFromTheRunnersRuntimeClasspath_asTheHandlerOfItsTrigger() {
        return Topology.warroom().functions().stream()
                .map(function -> DynamicTest.dynamicTest(function.name() + " (" + function.handlerClass() + ")", () -> {
                    HandlerClass handler = HandlerClass.load(function, runtime);

                    assertThat(handler.type().getClassLoader()).isSameAs(runtime);
                    assertThat(List.of(handler.eventType().getName(), handler.answerType().getName()))
                            .as("RequestHandler<event, answer> of %s", function.handlerClass())
                            .isEqualTo(eventAndAnswer(function.trigger()));
                }))
                .toList();
    }

    @Test
    void load_whenAFunctionsModuleIsMissing_failsNamingTheFunctionAndClass() {
        FunctionDef missing = Topology.HEALTH.toBuilder().handler("com.warroom.payouts.PayoutWorkerHandler").build();

        assertThatThrownBy(() -> HandlerClass.load(missing, runtime))
                .isInstanceOf(HandlerUnusable.class)
                .hasMessage("function health: its handler class com.warroom.payouts.PayoutWorkerHandler is not on the classpath")
                .hasCauseInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void load_whenTheClassIsNoHandler_failsNamingIt() {
        FunctionDef notAHandler = Topology.HEALTH.toBuilder().handler(Topology.class.getName()).build();

        assertThatThrownBy(() -> HandlerClass.load(notAHandler, runtime))
                .isInstanceOf(HandlerUnusable.class)
                .hasMessage("function health: com.warroom.topology.Topology is not a Lambda RequestHandler");
    }

    // what Lambda hands each kind of function, and what it expects back
    private static List<String> eventAndAnswer(Trigger trigger) {
        return switch (trigger) {
            case Trigger.Http http -> List.of("com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent",
                    "com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse");
            case Trigger.QueueConsumer consumer -> List.of("com.amazonaws.services.lambda.runtime.events.SQSEvent",
                    "com.amazonaws.services.lambda.runtime.events.SQSBatchResponse");
            case Trigger.Schedule schedule -> List.of(Map.class.getName(), Map.class.getName());
            case Trigger.WorkflowTask task -> List.of(Map.class.getName(), Map.class.getName());
            case Trigger.Invoked invoked -> List.of(Map.class.getName(), Map.class.getName());
        };
    }

    private static URL url(Path path) throws MalformedURLException {
        return path.toAbsolutePath().toUri().toURL();
    }
}
