package io.financehub.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Pluggy's credit card metadata of a transaction.
 *
 * @param payeeMCC merchant category code
 * @param billId   the credit card bill the transaction belongs to
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CreditCardMetadata(
        Integer installmentNumber,
        Integer totalInstallments,
        BigDecimal totalAmount,
        LocalDate purchaseDate,
        Integer payeeMCC,
        String cardNumber,
        String billId) {
}
