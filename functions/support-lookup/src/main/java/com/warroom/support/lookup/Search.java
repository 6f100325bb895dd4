package com.warroom.support.lookup;

import java.util.List;
import java.util.Optional;

/** What looking an identifier up found: the users it leads to, or what was searched in vain. */
sealed interface Search {

    /**
     * {@code q} was found as {@code kind}: {@code subject} says what matched without repeating {@code q} (which may be
     * personal), {@code userIds} are the users it leads to (the first gets the card), {@code order} and {@code payout}
     * the order or payout it named, shown on the card even when older than its recent ones.
     */
    record Found(QueryKind kind, String subject, List<String> userIds, Optional<String> order, Optional<String> payout)
            implements Search {
        public Found {
            userIds = List.copyOf(userIds);
            if (userIds.isEmpty()) {
                throw new IllegalArgumentException("a match leads to at least one user");
            }
        }
    }

    /** Nothing was found: the kinds {@code q} was tried as, and the reads made for each. */
    record NotFound(List<QueryKind> kindsTried, List<String> searched) implements Search {
        public NotFound {
            kindsTried = List.copyOf(kindsTried);
            searched = List.copyOf(searched);
        }
    }
}
