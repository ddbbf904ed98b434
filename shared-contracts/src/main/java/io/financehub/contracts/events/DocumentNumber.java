package io.financehub.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** @param type CPF or CNPJ */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DocumentNumber(String type, String value) {
}
