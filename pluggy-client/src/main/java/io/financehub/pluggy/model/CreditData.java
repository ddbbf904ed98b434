package io.financehub.pluggy.model;

import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * @param balanceCloseDate Pluggy sends a full timestamp; the day is what matters
 * @param status           ACTIVE, BLOCKED or CANCELLED
 * @param holderType       MAIN or ADDITIONAL
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record CreditData(
        String level,
        String brand,
        String brandAdditionalInfo,
        Instant balanceCloseDate,
        Instant balanceDueDate,
        BigDecimal availableCreditLimit,
        BigDecimal balanceForeignCurrency,
        BigDecimal minimumPayment,
        BigDecimal creditLimit,
        Boolean isLimitFlexible,
        String status,
        String holderType) {
}
