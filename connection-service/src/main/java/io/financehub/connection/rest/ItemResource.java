package io.financehub.connection.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.financehub.connection.Item;
import io.financehub.connection.service.ItemService;
import io.financehub.support.Caller;
import io.financehub.support.Roles;
import io.smallrye.mutiny.Uni;

@Path("/api/banking/items")
@RolesAllowed({ Roles.ADMIN, Roles.MEMBER })
public class ItemResource {

    private final ItemService items;
    private final Caller caller;

    ItemResource(ItemService items, Caller caller) {
        this.items = items;
        this.caller = caller;
    }

    @GET
    public Uni<List<ItemView>> list() {
        return items.list(caller.companyId()).map(list -> list.stream().map(ItemView::of).toList());
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ItemView(UUID id, String pluggyItemId, Integer connectorId, String status, String executionStatus,
            String errorCode, String errorMessage, Instant lastUpdatedAt) {

        static ItemView of(Item i) {
            return new ItemView(i.id, i.pluggyItemId, i.connectorId, i.status, i.executionStatus, i.errorCode,
                    i.errorMessage, i.lastUpdatedAt);
        }
    }
}
