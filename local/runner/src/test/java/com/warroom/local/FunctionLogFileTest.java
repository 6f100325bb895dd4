package com.warroom.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class FunctionLogFileTest {

    @AfterEach
    void stop() {
        FunctionLogFile.stop();
    }

    @Test
    void into_whenAFunctionLogs_writesTheJsonLineLambdaWouldSendToCloudWatch(@TempDir Path logs) throws Exception {
        FunctionLogFile.into(logs);

        LoggerFactory.getLogger("com.warroom.payments.processor.Example").info("applied payment of ord-log-1");
        FunctionLogFile.stop();

        List<String> lines = Files.readAllLines(logs.resolve(FunctionLogFile.FILE_NAME), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(1);
        JsonNode line = Json.readTree(lines.get(0));
        assertThat(line.path("message").asText()).isEqualTo("applied payment of ord-log-1");
        assertThat(line.path("level").asText()).isEqualTo("INFO");
        assertThat(Instant.parse(line.path("timestamp").asText())).isNotNull();
    }

    @Test
    void stop_afterwards_writesNoMore(@TempDir Path logs) throws Exception {
        FunctionLogFile.into(logs);
        FunctionLogFile.stop();

        LoggerFactory.getLogger("com.warroom.Example").info("after the stop");

        assertThat(Files.readString(logs.resolve(FunctionLogFile.FILE_NAME), StandardCharsets.UTF_8)).doesNotContain("after the stop");
    }
}
