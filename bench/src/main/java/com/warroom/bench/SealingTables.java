package com.warroom.bench;

import com.warroom.topology.TableDef;
import com.warroom.topology.Topology;
import java.util.Locale;

/**
 * The tables {@link SealingCost} measures on, shaped exactly like the topology's flags and audit tables (keys and
 * indexes). The variants without KMS write constant MACs, which the KMS variants would rightly refuse as tampering, so
 * each variant that writes has tables of its own; the loads of one size share one table.
 */
final class SealingTables {

    static final TableDef AUDIT_NO_KMS = like(Topology.AUDIT, "bench-audit-nokms");
    static final TableDef AUDIT_KMS = like(Topology.AUDIT, "bench-audit-kms");
    static final TableDef FLAGS_NO_KMS = like(Topology.FLAGS, "bench-flags-nokms");
    static final TableDef FLAGS_KMS = like(Topology.FLAGS, "bench-flags-kms");

    private SealingTables() {
    }

    /** The flags table the loads of {@code rows} rows read. */
    static TableDef loadFlags(int rows) {
        return like(Topology.FLAGS, "bench-flags-load-" + rows);
    }

    static Topology topology(Iterable<Integer> loadRows) {
        Topology.Builder builder = Topology.builder().tables(AUDIT_NO_KMS, AUDIT_KMS, FLAGS_NO_KMS, FLAGS_KMS);
        loadRows.forEach(rows -> builder.tables(loadFlags(rows)));
        return builder.build();
    }

    /** A table of the bench's own named {@code logicalName}, with the keys and indexes of {@code shape}. */
    static TableDef like(TableDef shape, String logicalName) {
        return new TableDef(logicalName, "BENCH_TABLE_" + logicalName.toUpperCase(Locale.ROOT).replace('-', '_'),
                shape.partitionKey(), shape.sortKey(), shape.indexes(), shape.ttlAttribute());
    }
}
