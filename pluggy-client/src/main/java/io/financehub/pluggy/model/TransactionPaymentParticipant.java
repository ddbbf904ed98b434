package io.financehub.pluggy.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record TransactionPaymentParticipant(
        TransactionPaymentParticipantDocument documentNumber,
        String name,
        String accountNumber,
        String branchNumber,
        String routingNumber,
        @JsonProperty("routingNumberISPB") String routingNumberISPB) {
}
