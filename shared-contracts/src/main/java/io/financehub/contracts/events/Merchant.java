package io.financehub.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Pluggy's merchant data of a transaction. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Merchant(String name, String businessName, String cnpj, String category, String cnae) {
}
