package io.financehub.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A company's rule: when every condition it gives holds, a transaction gets {@code categoryId}. Rules apply in
 * {@code position} order and the first match wins; a user's own choice always wins over any rule.
 *
 * @param descriptionContains folded text (see {@link SearchText}) found in the description or the merchant
 * @param descriptionRegex    a POSIX regular expression, case-insensitive, on the description
 * @param merchant            folded merchant name, equal
 * @param document            CNPJ/CPF digits of the merchant or the counterparty, equal
 * @param minAmount           absolute amount, at least
 * @param maxAmount           absolute amount, at most
 * @param transactionType     DEBIT or CREDIT
 */
public record CategoryRule(UUID id, int position, String name, String descriptionContains, String descriptionRegex,
        String merchant, String document, UUID accountId, BigDecimal minAmount, BigDecimal maxAmount,
        String transactionType, UUID categoryId, boolean enabled, Instant createdAt, Instant updatedAt) {
}
