package com.warroom.local.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.warroom.topology.FunctionDef;
import com.warroom.topology.Trigger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HandlerClassTest {

    public static final class Consumer implements RequestHandler<SQSEvent, SQSBatchResponse> {
        @Override
        public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
            return new SQSBatchResponse(List.of());
        }
    }

    public abstract static class JsonStep implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    }

    /** Its event types come from its superclass. */
    public static final class InheritedStep extends JsonStep {
        @Override
        public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
            return Map.of("seen", input);
        }
    }

    public static final class FailingColdStart implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        public FailingColdStart() {
            throw new IllegalStateException("missing setting WARROOM_TABLE_FLAGS");
        }

        @Override
        public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
            return input;
        }
    }

    public static final class NeedsArguments implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        public NeedsArguments(String table) {
        }

        @Override
        public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
            return input;
        }
    }

    @Test
    void load_readsTheEventAndAnswerTypes_alsoThroughASuperclass() {
        HandlerClass consumer = HandlerClass.load(function(Consumer.class));
        HandlerClass step = HandlerClass.load(function(InheritedStep.class));

        assertThat(List.of(consumer.eventType(), consumer.answerType())).containsExactly(SQSEvent.class, SQSBatchResponse.class);
        assertThat(List.of(step.eventType(), step.answerType())).containsExactly(Map.class, Map.class);
        assertThat(step.instantiateForJsonObjects().handleRequest(Map.of("a", 1), null)).isEqualTo(Map.of("seen", Map.of("a", 1)));
    }

    @Test
    void instantiate_whenTheTriggerSendsAnotherEvent_refusesNamingBoth() {
        HandlerClass consumer = HandlerClass.load(function(Consumer.class));

        assertThatThrownBy(consumer::instantiateForJsonObjects)
                .isInstanceOf(HandlerUnusable.class)
                .hasMessage("function test-function: " + Consumer.class.getName() + " takes SQSEvent, but its trigger sends Map");
    }

    @Test
    void instantiate_whenTheConstructorThrows_reportsItsExceptionAsTheCause() {
        HandlerClass failing = HandlerClass.load(function(FailingColdStart.class));

        assertThatThrownBy(failing::instantiateForJsonObjects)
                .isInstanceOf(HandlerUnusable.class)
                .hasMessageContaining("it did not start: java.lang.IllegalStateException: missing setting WARROOM_TABLE_FLAGS")
                .cause().isInstanceOf(IllegalStateException.class);
    }

    @Test
    void load_whenThereIsNoPublicNoArgConstructor_refuses() {
        assertThatThrownBy(() -> HandlerClass.load(function(NeedsArguments.class)))
                .isInstanceOf(HandlerUnusable.class)
                .hasMessage("function test-function: " + NeedsArguments.class.getName() + " has no public no-arg constructor");
        assertThatThrownBy(() -> HandlerClass.load(function(JsonStep.class)))
                .isInstanceOf(HandlerUnusable.class)
                .hasMessageEndingWith("is not a public concrete class");
    }

    private static FunctionDef function(Class<?> handler) {
        return FunctionDef.builder("test-function").module("functions/test").handler(handler.getName()).trigger(new Trigger.Invoked()).build();
    }
}
