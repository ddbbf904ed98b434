package io.financehub.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Payer or receiver of a transfer.
 *
 * @param routingNumber bank number (COMPE code)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PaymentParticipant(
        String name,
        String branchNumber,
        String accountNumber,
        String routingNumber,
        DocumentNumber documentNumber) {
}
