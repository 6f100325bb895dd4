package com.warroom.local;

import java.io.IOException;
import java.nio.file.Path;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.FileAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * Sends what DynamoDB Local and its sqlite library log to the run log instead of the console. They log every
 * client error (each failed condition, each table that already exists at a restart) as a warning with a
 * stack trace, and a broken database file as a flood of them; the console keeps Warroom's own lines, and
 * a one-line failure points at the run log.
 */
final class EmbeddedLogs {

    private static final String DYNAMODB_LOCAL = "com.amazonaws.services.dynamodbv2";
    private static final String APPENDER = "warroom-embedded-stack";
    private static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSS'Z'}{UTC} %-5level %c - %msg%n%ex";
    // java.util.logging keeps loggers only weakly: this one must live as long as its settings
    private static final Logger SQLITE = Logger.getLogger("com.almworks.sqlite4java");

    private EmbeddedLogs() {
    }

    /** From now on, DynamoDB Local's errors go to {@code log}; its warnings and sqlite's go nowhere. */
    static synchronized void into(RunLog log) throws IOException {
        log.created();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        Appender previous = config.getAppender(APPENDER);
        config.removeLogger(DYNAMODB_LOCAL);
        Appender file = FileAppender.newBuilder()
                .setName(APPENDER)
                .withFileName(log.file().toString())
                .withAppend(true)
                .setLayout(PatternLayout.newBuilder().withConfiguration(config).withPattern(PATTERN).build())
                .setConfiguration(config)
                .build();
        file.start();
        config.addAppender(file);
        LoggerConfig dynamoDbLocal = LoggerConfig.newBuilder()
                .withLoggerName(DYNAMODB_LOCAL)
                .withLevel(Level.ERROR)
                .withAdditivity(false)
                .withConfig(config)
                .build();
        dynamoDbLocal.addAppender(file, null, null);
        config.addLogger(DYNAMODB_LOCAL, dynamoDbLocal);
        context.updateLoggers();
        if (previous != null && previous != file) {
            previous.stop();
        }
        SQLITE.setUseParentHandlers(false);
        SQLITE.setLevel(java.util.logging.Level.SEVERE);
        for (Handler handler : SQLITE.getHandlers()) {
            SQLITE.removeHandler(handler);
        }
        SQLITE.addHandler(new RunLogHandler(log.file()));
    }

    /** Appends sqlite's severe records to the run log. */
    private static final class RunLogHandler extends Handler {
        private final RunLog log;

        RunLogHandler(Path file) {
            this.log = new RunLog(file.getParent());
        }

        @Override
        public void publish(LogRecord record) {
            if (isLoggable(record)) {
                log.failure("sqlite: " + record.getMessage(), record.getThrown() == null ? new Exception("(no exception)") : record.getThrown());
            }
        }

        @Override
        public void flush() {
            // every record is written and closed at once
        }

        @Override
        public void close() {
            // nothing held open
        }
    }
}
