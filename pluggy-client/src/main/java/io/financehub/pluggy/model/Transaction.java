package io.financehub.pluggy.model;

import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Pluggy's Transaction. Sign convention as Pluggy's: on BANK accounts money out is negative; on CREDIT accounts a
 * purchase is positive (type DEBIT).
 *
 * @param type   DEBIT or CREDIT
 * @param status PENDING or POSTED (POSTED when absent)
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record Transaction(
        String id,
        String accountId,
        Instant date,
        String description,
        String descriptionRaw,
        String type,
        BigDecimal amount,
        BigDecimal amountInAccountCurrency,
        BigDecimal balance,
        String currencyCode,
        String category,
        String categoryId,
        String status,
        String providerCode,
        String providerId,
        String operationType,
        String operationTypeAdditionalInfo,
        TransactionPaymentData paymentData,
        CreditCardMetadata creditCardMetadata,
        TransactionMerchantData merchant,
        Instant createdAt,
        Instant updatedAt) {
}
