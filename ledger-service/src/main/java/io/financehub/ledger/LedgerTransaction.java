package io.financehub.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A transaction of the ledger, as the queries read it (the reactive client, not Panache: see
 * TransactionQueryRepository). The jsonb columns are carried as the snake_case JSON text they are stored as.
 */
public record LedgerTransaction(
        UUID id,
        String pluggyTransactionId,
        UUID accountId,
        String type,
        String status,
        String description,
        BigDecimal amount,
        BigDecimal amountInAccountCurrency,
        BigDecimal balance,
        String currencyCode,
        Instant date,
        UUID categoryId,
        String pluggyCategoryId,
        String pluggyCategoryDescription,
        String notes,
        String merchantJson,
        String paymentDataJson,
        String creditCardMetadataJson,
        String operationType,
        String categorySource,
        UUID categoryRuleId,
        UUID transferId,
        String transferSource,
        Instant createdAt,
        Instant updatedAt) {
}
