package com.warroom.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class EnvelopeTest {

    private static final class Refused extends RuntimeException implements Envelope.ExpectedFailure {
        Refused() {
            super("no such request");
        }
    }

    /** What the invocation printed on stdout, where metrics go as EMF lines in tests. */
    private static String stdoutOf(Runnable invocation) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            invocation.run();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    private static Runnable rethrowing(Supplier<Object> work) {
        return () -> assertThatThrownBy(() -> Envelope.rethrowing(null, "run-1", work)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void rethrowing_whenTheWorkFails_rethrowsAndCountsTheFailure() {
        String out = stdoutOf(rethrowing(() -> {
            throw new IllegalStateException("boom");
        }));

        assertThat(out).contains(Envelope.INVOCATION_FAILED_METRIC);
    }

    @Test
    void rethrowing_whenTheFailureIsExpected_rethrowsItWithoutCountingIt() {
        String out = stdoutOf(rethrowing(() -> {
            throw new Refused();
        }));

        assertThat(out).doesNotContain(Envelope.INVOCATION_FAILED_METRIC);
    }

    @Test
    void answering_whenTheWorkFails_answersWhatTheFailureMapsTo() {
        String answer = Envelope.answering(null, "req-1", () -> {
            throw new IllegalStateException("boom");
        }, e -> "problem");

        assertThat(answer).isEqualTo("problem");
    }

    @Test
    void correlated_whenInsideAnInvocation_usesItsOwnIdThenRestoresTheInvocations() {
        String[] seen = new String[2];
        Envelope.answering(null, "batch-1", () -> {
            seen[0] = Envelope.correlated("message-7", () -> MDC.get(Envelope.CORRELATION_ID));
            seen[1] = MDC.get(Envelope.CORRELATION_ID);
            return null;
        }, e -> null);

        assertThat(seen).containsExactly("message-7", "batch-1");
    }
}
