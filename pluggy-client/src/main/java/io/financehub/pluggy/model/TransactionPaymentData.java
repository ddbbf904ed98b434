package io.financehub.pluggy.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Pluggy's TransactionPaymentData: who paid whom, how (PIX, TED, DOC, BOLETO...). */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record TransactionPaymentData(
        TransactionPaymentParticipant payer,
        TransactionPaymentParticipant receiver,
        String receiverReferenceId,
        String paymentMethod,
        String referenceNumber,
        String reason,
        TransactionBoletoMetadata boletoMetadata) {
}
