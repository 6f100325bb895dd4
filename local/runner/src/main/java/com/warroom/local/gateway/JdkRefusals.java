package com.warroom.local.gateway;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs the requests the JDK's HTTP server refuses while parsing them (a request line or URI it cannot read, a bad
 * Content-Length, an illegal header name), which it answers with its own 400 page before any handler of ours runs.
 * It reports them only as debug lines of the form {@code <request line> [400 Bad Request] (<reason>)}; every
 * answer is reported that way, and only refusals carry a reason.
 */
final class JdkRefusals extends Handler {

    private static final Logger LOG = LoggerFactory.getLogger(LocalGateway.class);
    private static final Pattern REFUSAL = Pattern.compile("(?s)(.*) \\[(\\d{3})[^\\]]*\\] \\((.+)\\)");
    // java.util.logging keeps loggers only weakly: this one must live as long as its settings
    private static final java.util.logging.Logger JDK_SERVER = java.util.logging.Logger.getLogger("com.sun.net.httpserver");
    private static final JdkRefusals INSTANCE = new JdkRefusals();

    private JdkRefusals() {
        setLevel(Level.FINE);
    }

    /** Idempotent: one handler however many gateways start in this JVM. */
    static synchronized void log() {
        for (Handler handler : JDK_SERVER.getHandlers()) {
            if (handler == INSTANCE) {
                return;
            }
        }
        JDK_SERVER.setLevel(Level.FINE);
        JDK_SERVER.addHandler(INSTANCE);
    }

    @Override
    public void publish(LogRecord record) {
        if (record.getMessage() == null) {
            return;
        }
        Matcher refusal = REFUSAL.matcher(record.getMessage());
        if (refusal.matches()) {
            LOG.warn("the JDK HTTP server answered {} before the gateway saw the request ({}): {}", refusal.group(2),
                    refusal.group(3), refusal.group(1).replaceAll("\\p{Cntrl}", "?"));
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
