package io.financehub.pluggy.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Per product, what the last execution collected; a product that was not requested is null. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record ItemProductsStatusDetail(
        ItemProductState accounts,
        ItemProductState creditCards,
        ItemProductState transactions,
        ItemProductState investments,
        ItemProductState investmentTransactions,
        ItemProductState identity,
        ItemProductState paymentData,
        ItemProductState loans,
        ItemProductState accountStatements) {
}
