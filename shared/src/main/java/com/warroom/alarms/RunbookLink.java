package com.warroom.alarms;

/**
 * Where an alarm's runbook is read: the README as published (the base URL, a deploy-time setting) and the heading's
 * anchor, so the link in an alarm's description and in {@code GET /v1/admin/alarms} open the same section.
 */
public final class RunbookLink {

    /** The CDK context key (and, for the alarms function, the environment variable) holding the README's URL. */
    public static final String CONTEXT_KEY = "runbookBaseUrl";
    public static final String ENV_VAR = "WARROOM_RUNBOOK_BASE_URL";
    /** The README on the repository's main branch, until a deploy names its own copy. */
    public static final String DEFAULT_README_URL = "https://github.com/warroom-ops/warroom/blob/main/README.md";

    private RunbookLink() {
    }

    public static String of(String readmeUrl, AlarmRule rule) {
        return readmeUrl + "#" + rule.runbook();
    }
}
