package io.financehub.pluggy.model;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Filters of a transaction listing; null means "no filter".
 *
 * @param createdAtFrom only transactions Pluggy created or saw after this instant (incremental sync); Pluggy refuses it
 *                      together with {@code dateFrom}
 */
public record TransactionFilter(LocalDate dateFrom, LocalDate dateTo, Instant createdAtFrom) {

    public static final TransactionFilter ALL = new TransactionFilter(null, null, null);

    public static TransactionFilter window(LocalDate from, LocalDate to) {
        return new TransactionFilter(from, to, null);
    }

    public static TransactionFilter createdSince(Instant since) {
        return new TransactionFilter(null, null, since);
    }
}
