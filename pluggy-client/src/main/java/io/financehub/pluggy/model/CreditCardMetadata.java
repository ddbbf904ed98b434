package io.financehub.pluggy.model;

import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record CreditCardMetadata(
        Integer installmentNumber,
        Integer totalInstallments,
        BigDecimal totalAmount,
        @JsonProperty("payeeMCC") Integer payeeMCC,
        Instant purchaseDate,
        String billId,
        String cardNumber) {
}
