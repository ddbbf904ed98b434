package io.financehub.ledger.service;

import java.time.ZoneOffset;
import java.util.UUID;

import io.financehub.ledger.LedgerTransaction;

/**
 * Where a page starts: the sort value and id of the last row of the previous page.
 *
 * @param value an OffsetDateTime (date orders) or a BigDecimal (amount orders)
 */
public record PageKey(Ordering ordering, Object value, UUID id) {

    /** The key of the page after {@code last}. */
    public static PageKey after(LedgerTransaction last, Ordering ordering) {
        return new PageKey(ordering, ordering.byDate() ? last.date().atOffset(ZoneOffset.UTC) : last.amount(),
                last.id());
    }
}
