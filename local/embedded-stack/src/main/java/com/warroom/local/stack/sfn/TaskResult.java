package com.warroom.local.stack.sfn;

import com.fasterxml.jackson.databind.JsonNode;

/** How a task ended: with an output, or with an error name and cause as Step Functions' catchers see them. */
sealed interface TaskResult {

    record Succeeded(JsonNode output) implements TaskResult {
    }

    /** {@code cause} may be null: Step Functions then leaves {@code Cause} out of the error output. */
    record Failed(String error, String cause) implements TaskResult {
    }
}
