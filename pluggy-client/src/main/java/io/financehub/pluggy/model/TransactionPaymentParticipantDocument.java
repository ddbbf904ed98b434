package io.financehub.pluggy.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** @param type CPF or CNPJ */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record TransactionPaymentParticipantDocument(String value, String type) {
}
