package com.warroom.infra;

import com.warroom.topology.FunctionDef;
import com.warroom.topology.HttpRoute;
import com.warroom.topology.QueueDef;
import com.warroom.topology.TableAccess;
import com.warroom.topology.TableDef;
import com.warroom.topology.Topology;
import java.util.List;
import java.util.Set;

/** {@link Topology#HEALTH} as a smaller test topology has it: describing that topology's tables and queues only. */
final class HealthOver {

    private HealthOver() {
    }

    static FunctionDef tablesAndQueues(List<TableDef> tables, List<QueueDef> queues) {
        FunctionDef.Builder health = FunctionDef.builder(Topology.HEALTH.name()).module(Topology.HEALTH.module())
                .handler(Topology.HEALTH.handlerClass()).memoryMb(Topology.HEALTH.memoryMb())
                .timeoutSeconds(Topology.HEALTH.timeoutSeconds()).routes(HttpRoute.get("/v1/health", Set.of()));
        tables.forEach(table -> health.table(table, TableAccess.DESCRIBE));
        queues.forEach(health::describes);
        return health.build();
    }
}
