package com.warroom.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.warroom.http.FieldError;
import com.warroom.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a config (the seed file or a stored snapshot) and checks every rule of {@link SeedConfig}:
 * a config either passes all of them or is refused with every bad field named.
 */
public final class SeedConfigParser {

    private SeedConfigParser() {
    }

    /** Reads a UTF-8 JSON file; an unreadable file is an I/O failure, not a verdict on the config. */
    public static ConfigOutcome load(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read config file " + file, e);
        }
    }

    public static ConfigOutcome parse(String json) {
        return parseText(json, false);
    }

    private static ConfigOutcome parseText(String json, boolean stored) {
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            return new ConfigOutcome.Invalid(List.of(new FieldError("$", "is not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")")));
        }
        if (tree == null || tree.isMissingNode()) {
            return new ConfigOutcome.Invalid(List.of(new FieldError("$", "is not valid JSON: there is no content")));
        }
        return parse(tree, stored);
    }

    public static ConfigOutcome parse(JsonNode tree) {
        return parse(tree, false);
    }

    /**
     * A snapshot as the config table holds it: the same rules, except that one stored before EXP rewards existed is
     * read without them ({@link SeedConfig#expRewards()} empty), so that upgrading Warroom does not stop every reader
     * of the config; its next version must set them.
     */
    public static ConfigOutcome parseStored(String json) {
        return parseText(json, true);
    }

    private static ConfigOutcome parse(JsonNode tree, boolean stored) {
        ConfigReader reader = new ConfigReader();
        return reader.seedConfig(tree, stored)
                .<ConfigOutcome>map(ConfigOutcome.Valid::new)
                .orElseGet(() -> new ConfigOutcome.Invalid(reader.errors()));
    }
}
