package io.financehub.pluggy.model;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record TransactionBoletoMetadata(
        String digitableLine,
        String barcode,
        BigDecimal baseAmount,
        BigDecimal penaltyAmount,
        BigDecimal interestAmount,
        BigDecimal discountAmount) {
}
