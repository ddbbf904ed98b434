package io.financehub.ledger.service;

import java.util.UUID;

/**
 * Where a page starts: the sort value and id of the last row of the previous page.
 *
 * @param value an OffsetDateTime (date orders) or a BigDecimal (amount orders)
 */
public record PageKey(Ordering ordering, Object value, UUID id) {
}
