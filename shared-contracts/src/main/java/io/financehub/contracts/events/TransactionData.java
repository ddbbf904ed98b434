package io.financehub.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Pluggy's Transaction.
 *
 * @param type   DEBIT (money out) or CREDIT (money in)
 * @param amount as Pluggy reports it
 * @param status PENDING or POSTED; a pending transaction may later come back posted with the same id
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TransactionData(
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
        PaymentData paymentData,
        CreditCardMetadata creditCardMetadata,
        Merchant merchant,
        Instant createdAt,
        Instant updatedAt) {
}
