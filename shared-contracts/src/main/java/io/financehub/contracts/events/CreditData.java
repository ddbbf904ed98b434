package io.financehub.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Pluggy's CreditData of a CREDIT account.
 *
 * @param status     ACTIVE, BLOCKED or CANCELLED
 * @param holderType MAIN or ADDITIONAL
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CreditData(
        String level,
        String brand,
        LocalDate balanceCloseDate,
        LocalDate balanceDueDate,
        BigDecimal availableCreditLimit,
        BigDecimal balanceForeignCurrency,
        BigDecimal minimumPayment,
        BigDecimal creditLimit,
        Boolean isLimitFlexible,
        String status,
        String holderType) {
}
