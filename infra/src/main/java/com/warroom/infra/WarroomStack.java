package com.warroom.infra;

import com.warroom.topology.FunctionDef;
import com.warroom.topology.Topology;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/** Warroom on AWS, built entirely from the {@link Topology}: a table, route or function added there appears here. */
public final class WarroomStack extends Stack {

    // a year of logs: incidents over money are investigated long after week one
    static final RetentionDays LOG_RETENTION = RetentionDays.ONE_YEAR;

    /** What the stack is built from. */
    public record Props(Topology topology, RepoRoot repoRoot, List<String> staffCallbackUrls, StackProps stackProps) {
        public Props {
            staffCallbackUrls = List.copyOf(staffCallbackUrls);
        }
    }

    private final DataTables tables;
    private final WorkQueues queues;
    private final StaffDirectory directory;
    private final Map<FunctionDef, WarroomFunction> functions = new LinkedHashMap<>();
    private final WarroomHttpApi api;

    public WarroomStack(Construct scope, String id, Props props) {
        super(scope, id, props.stackProps());
        Topology topology = props.topology();
        tables = new DataTables(this, "Tables", topology.tables());
        queues = new WorkQueues(this, "Queues", topology.queues());
        directory = new StaffDirectory(this, "Directory", new StaffDirectory.Props(props.staffCallbackUrls()));
        for (FunctionDef definition : topology.functions()) {
            functions.put(definition, new WarroomFunction(this, ConstructIds.pascal(definition.name()),
                    new WarroomFunction.Props(definition, props.repoRoot().lambdaJar(definition), tables, queues, LOG_RETENTION)));
        }
        api = new WarroomHttpApi(this, "Api",
                new WarroomHttpApi.Props(topology.routes(), functions, directory, LOG_RETENTION));
        output("ApiUrl", api.url(), "Base URL of the HTTP API");
        output("UserPoolId", directory.pool().getUserPoolId(), "Cognito user pool of staff and the backend");
        output("StaffClientId", directory.staffClient().getUserPoolClientId(), "App client for staff sign-in (SRP, auth code)");
        output("BackendClientId", directory.backendClient().getUserPoolClientId(),
                "App client for the platform backend (client credentials; read its secret with describe-user-pool-client)");
        output("TokenEndpoint", directory.domain().baseUrl() + "/oauth2/token", "OAuth2 token endpoint of the user pool");
        WarroomNagSuppressions.apply(this);
    }

    public DataTables tables() {
        return tables;
    }

    public WorkQueues queues() {
        return queues;
    }

    public StaffDirectory directory() {
        return directory;
    }

    /** The function built for each topology function, in topology order. */
    public Map<FunctionDef, WarroomFunction> functions() {
        return Collections.unmodifiableMap(functions);
    }

    public WarroomHttpApi api() {
        return api;
    }

    private void output(String id, String value, String description) {
        CfnOutput.Builder.create(this, id).value(value).description(description).build();
    }
}
