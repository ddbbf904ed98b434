package io.financehub.sandbox.api;

import java.util.List;
import java.util.Map;

import io.financehub.sandbox.auth.CurrentCaller;
import io.financehub.sandbox.item.ItemService;
import io.financehub.sandbox.item.ItemView;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** Items: there is no list endpoint, as at Pluggy. Mutations answer 200 (the SDK rejects any other status). */
@Path("/items")
public class ItemResource {

    @RegisterForReflection
    public record CreateItemRequest(Integer connectorId, Map<String, String> parameters, String webhookUrl,
            String clientUserId, List<String> products, Boolean avoidDuplicates, String oauthRedirectUri) {
    }

    @RegisterForReflection
    public record UpdateItemRequest(Map<String, String> parameters, String webhookUrl, String clientUserId,
            List<String> products) {
    }

    private final ItemService items;
    private final CurrentCaller caller;

    public ItemResource(ItemService items, CurrentCaller caller) {
        this.items = items;
        this.caller = caller;
    }

    @POST
    public ItemView create(CreateItemRequest request) {
        if (request == null || request.connectorId() == null) {
            throw PluggyException.badRequest("CONNECTOR_REQUIRED", "connectorId is required");
        }
        return items.create(request.connectorId(), request.parameters() == null ? Map.of() : request.parameters(),
                request.webhookUrl(), request.clientUserId(), request.products(),
                Boolean.TRUE.equals(request.avoidDuplicates()), caller.get());
    }

    @GET
    @Path("{id}")
    public ItemView get(@PathParam("id") String id) {
        return items.view(items.visible(id, caller.get()));
    }

    @PATCH
    @Path("{id}")
    public ItemView update(@PathParam("id") String id, UpdateItemRequest request) {
        UpdateItemRequest r = request == null ? new UpdateItemRequest(null, null, null, null) : request;
        return items.update(id, r.parameters(), r.webhookUrl(), r.clientUserId(), caller.get());
    }

    @POST
    @Path("{id}/mfa")
    public ItemView mfa(@PathParam("id") String id, Map<String, String> answer) {
        return items.mfa(id, answer, caller.get());
    }

    @DELETE
    @Path("{id}")
    public Map<String, Object> delete(@PathParam("id") String id) {
        items.delete(id, caller.get());
        return Map.of();
    }
}
