package io.financehub.ledger.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.financehub.ledger.LedgerTransaction;

/**
 * A transaction as the API shows it: the ledger's {@code id} beside Pluggy's {@code pluggy_transaction_id};
 * {@code amount} signed as Pluggy reports it; the nested Pluggy objects as stored (snake_case). {@code category_source}
 * says who chose the category (user, rule, mapping or pluggy); {@code transfer_id} is shared with the other side of a
 * transfer between the company's accounts ({@code transfer_source} auto or user).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TransactionView(UUID id, String pluggyTransactionId, UUID accountId, String type, String status,
        String description, BigDecimal amount, BigDecimal amountInAccountCurrency, BigDecimal balance,
        String currencyCode, Instant date, UUID categoryId, String pluggyCategoryId, String pluggyCategoryDescription,
        String notes, @JsonRawValue String merchant, @JsonRawValue String paymentData,
        @JsonRawValue String creditCardMetadata, String operationType, String categorySource, UUID categoryRuleId,
        UUID transferId, String transferSource, Instant createdAt, Instant updatedAt) {

    static TransactionView of(LedgerTransaction t) {
        return new TransactionView(t.id(), t.pluggyTransactionId(), t.accountId(), t.type(), t.status(),
                t.description(), t.amount(), t.amountInAccountCurrency(), t.balance(), t.currencyCode(), t.date(),
                t.categoryId(), t.pluggyCategoryId(), t.pluggyCategoryDescription(), t.notes(), t.merchantJson(),
                t.paymentDataJson(), t.creditCardMetadataJson(), t.operationType(), t.categorySource(),
                t.categoryRuleId(), t.transferId(), t.transferSource(), t.createdAt(), t.updatedAt());
    }
}
