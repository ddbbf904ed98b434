package io.financehub.sandbox.data;

import java.util.Set;

/**
 * Filters of a transaction listing; null means "no filter". Dates are epoch millis, both ends inclusive.
 */
public record TransactionQuery(Long fromMillis, Long toMillis, Long createdAtFromMillis, Set<String> ids) {

    public static final TransactionQuery ALL = new TransactionQuery(null, null, null, null);

    public String cacheKey() {
        return fromMillis + "|" + toMillis + "|" + createdAtFromMillis + "|" + (ids == null ? "" : ids.hashCode());
    }
}
