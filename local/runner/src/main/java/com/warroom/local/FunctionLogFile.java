package com.warroom.local;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.FileAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.layout.template.json.JsonTemplateLayout;

/**
 * Keeps the functions' log lines in {@code $WARROOM_DATA/logs/functions.log} as well as on the console: the same JSON
 * lines Lambda sends to CloudWatch Logs, which is what an incident's evidence searches locally (the folder is the
 * functions' {@code WARROOM_LOCAL_LOG_DIR}).
 */
final class FunctionLogFile {

    static final String FILE_NAME = "functions.log";
    private static final String APPENDER = "warroom-function-logs";
    /** The loggers of Warroom's own code (log4j2.properties gives them their own config) and the rest (root). */
    private static final String WARROOM = "com.warroom";

    private FunctionLogFile() {
    }

    /** From now on, every line Warroom's loggers and the root logger write also goes to {@code <logDir>/functions.log}. */
    static synchronized void into(Path logDir) throws IOException {
        Path file = OwnerOnly.file(logDir.resolve(FILE_NAME));
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        Appender previous = config.getAppender(APPENDER);
        Appender appender = FileAppender.newBuilder()
                .setName(APPENDER)
                .withFileName(file.toString())
                .withAppend(true)
                .setLayout(JsonTemplateLayout.newBuilder().setConfiguration(config)
                        .setEventTemplateUri("classpath:LambdaJsonLayout.json").build())
                .setConfiguration(config)
                .build();
        appender.start();
        config.addAppender(appender);
        for (LoggerConfig logger : new LoggerConfig[] {config.getLoggerConfig(WARROOM), config.getRootLogger()}) {
            logger.removeAppender(APPENDER);
            logger.addAppender(appender, null, null);
        }
        context.updateLoggers();
        if (previous != null && previous != appender) {
            previous.stop();
        }
    }

    /** Stops writing the file (for tests that must leave the JVM's logging as they found it). */
    static synchronized void stop() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        Appender appender = config.getAppender(APPENDER);
        for (LoggerConfig logger : new LoggerConfig[] {config.getLoggerConfig(WARROOM), config.getRootLogger()}) {
            logger.removeAppender(APPENDER);
        }
        context.updateLoggers();
        if (appender != null) {
            appender.stop();
        }
    }
}
