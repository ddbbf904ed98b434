package io.financehub.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;

/** Pluggy's BankData of a BANK account. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BankData(
        String transferNumber,
        BigDecimal closingBalance,
        BigDecimal automaticallyInvestedBalance,
        BigDecimal overdraftContractedLimit,
        BigDecimal overdraftUsedLimit,
        BigDecimal unarrangedOverdraftAmount) {
}
