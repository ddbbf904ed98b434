package io.financehub.pluggy.model;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record BankData(
        String transferNumber,
        BigDecimal closingBalance,
        BigDecimal automaticallyInvestedBalance,
        BigDecimal overdraftContractedLimit,
        BigDecimal overdraftUsedLimit,
        BigDecimal unarrangedOverdraftAmount,
        Boolean hasReservedBalance) {
}
