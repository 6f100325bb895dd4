package com.warroom.local;

import com.warroom.local.stack.HandlerClass;
import com.warroom.local.stack.HandlerUnusable;
import com.warroom.topology.WorkflowDef;
import com.warroom.topology.BucketDef;
import com.warroom.topology.EventBusDef;
import com.warroom.topology.ExternalApiDef;
import com.warroom.topology.FunctionDef;
import com.warroom.topology.KeyDef;
import com.warroom.topology.MailDef;
import com.warroom.topology.QueueDef;
import com.warroom.topology.SecretDef;
import com.warroom.topology.TableDef;
import com.warroom.topology.TopicDef;
import com.warroom.topology.Topology;
import java.util.ArrayList;
import java.util.List;

/** Warroom's topology with a function's handler stood in for: what {@code up} runs in tests that replace one piece. */
final class StandInTopology {

    private StandInTopology() {
    }

    /**
     * With {@link StandInMidtransWebhook} as the webhook intake, and without the functions whose modules this build does
     * not have: what {@code up} runs in the tests of the Midtrans simulator.
     */
    static Topology withStandInWebhook() {
        List<FunctionDef> functions = new ArrayList<>();
        for (FunctionDef function : Topology.warroom().functions()) {
            if (function.equals(Topology.WEBHOOK_INTAKE)) {
                functions.add(function.toBuilder().handler(StandInMidtransWebhook.class.getName()).calls(Topology.MIDTRANS_API).build());
            } else if (loadable(function)) {
                functions.add(function);
            }
        }
        return warroomWith(functions);
    }

    /** With {@code handlerClass} as the handler of {@code replaced} (a gate broken on purpose, a function that fails). */
    static Topology withHandler(FunctionDef replaced, String handlerClass) {
        return warroomWith(Topology.warroom().functions().stream()
                .map(function -> function.equals(replaced) ? function.toBuilder().handler(handlerClass).build() : function)
                .toList());
    }

    private static Topology warroomWith(List<FunctionDef> functions) {
        Topology warroom = Topology.warroom();
        return Topology.builder()
                .tables(warroom.tables().toArray(TableDef[]::new))
                .queues(warroom.queues().toArray(QueueDef[]::new))
                .eventBuses(warroom.eventBuses().toArray(EventBusDef[]::new))
                .topics(warroom.topics().toArray(TopicDef[]::new))
                .secrets(warroom.secrets().toArray(SecretDef[]::new))
                .keys(warroom.keys().toArray(KeyDef[]::new))
                .buckets(warroom.buckets().toArray(BucketDef[]::new))
                .externalApis(warroom.externalApis().toArray(ExternalApiDef[]::new))
                .mails(warroom.mails().toArray(MailDef[]::new))
                .workflows(warroom.workflows().toArray(WorkflowDef[]::new))
                .functions(functions.toArray(FunctionDef[]::new))
                .build();
    }

    private static boolean loadable(FunctionDef function) {
        try {
            HandlerClass.load(function);
            return true;
        } catch (HandlerUnusable missing) {
            return false;
        }
    }
}
