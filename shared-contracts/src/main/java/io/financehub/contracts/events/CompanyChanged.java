package io.financehub.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/**
 * A company's state after a change, so the ledger can apply it without asking the gateway.
 *
 * @param monthlyTransactionLimit transactions the plan allows per month, or null for unlimited
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CompanyChanged(
        UUID companyId,
        String name,
        Plan plan,
        Long monthlyTransactionLimit,
        CompanyChange change,
        Instant occurredAt) {
}
