package com.warroom.audit;

import java.util.Optional;

/** Which audit entries to list, newest first: by target, by actor (sub), or both; at most {@code limit}. */
public record AuditQuery(Optional<String> target, Optional<String> actorSub, int limit, Optional<Long> beforeSeq) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
}
