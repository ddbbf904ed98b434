package io.financehub.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/** Every account of an item as Pluggy reported it at {@code observedAt}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AccountsSnapshot(String itemId, String connectorName, List<AccountData> accounts, Instant observedAt) {

    public AccountsSnapshot {
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
    }
}
