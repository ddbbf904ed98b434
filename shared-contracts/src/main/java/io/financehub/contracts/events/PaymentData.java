package io.financehub.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Pluggy's payment data of a transfer.
 *
 * @param paymentMethod e.g. PIX, TED, DOC, BOLETO
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PaymentData(
        PaymentParticipant payer,
        PaymentParticipant receiver,
        String paymentMethod,
        String referenceNumber,
        String reason,
        String receiverReferenceId) {
}
