package com.warroom.reconcile.run;

import com.warroom.reconcile.check.Check;
import com.warroom.reconcile.check.Checks;
import java.util.List;

/**
 * The checks a deployed run runs, built from the environment (table names, the seal key, Midtrans's settings): the
 * one place the task handlers' no-arg constructors get them. Tests give their handlers checks of their own.
 */
public final class ReconcileChecks {

    private ReconcileChecks() {
    }

    public static List<Check> fromEnvironment() {
        return Checks.fromEnvironment().all();
    }
}
