package com.warroom.alarms;

/**
 * What a function that reads metrics ({@code FunctionDef.readsMetrics}) is told by the CDK app, to find AWS's own
 * metrics of this Warroom: the HTTP API's id and the stack's name (functions are named {@code <stack>-<function>}).
 */
public final class MetricsSettings {

    public static final String API_ID_ENV_VAR = "WARROOM_API_ID";
    public static final String STACK_NAME_ENV_VAR = "WARROOM_STACK_NAME";

    private MetricsSettings() {
    }
}
