package io.financehub.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/** An item was disconnected; travels on {@code banking.accounts} so it stays ordered after the item's snapshots. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ItemRemoved(String itemId, List<String> pluggyAccountIds, RemovalMode mode, Instant removedAt) {

    public ItemRemoved {
        pluggyAccountIds = pluggyAccountIds == null ? List.of() : List.copyOf(pluggyAccountIds);
    }
}
