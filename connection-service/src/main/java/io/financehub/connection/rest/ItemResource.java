package io.financehub.connection.rest;

import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestQuery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.financehub.connection.service.ItemService;
import io.financehub.connection.service.SyncService;
import io.financehub.contracts.events.RemovalMode;
import io.financehub.support.Caller;
import io.financehub.support.ProblemException;
import io.financehub.support.Roles;
import io.smallrye.mutiny.Uni;

@Path("/api/banking/items")
public class ItemResource {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record SyncRequest(Boolean force, LocalDate fromDate, LocalDate toDate) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record MfaAnswer(String value) {
    }

    private final ItemService items;
    private final SyncService sync;
    private final Caller caller;
    private final ObjectMapper json;

    ItemResource(ItemService items, SyncService sync, Caller caller, ObjectMapper json) {
        this.items = items;
        this.sync = sync;
        this.caller = caller;
        this.json = json;
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.MEMBER })
    public Uni<List<Views.ItemView>> list() {
        return items.list(caller.companyId()).map(all -> all.stream().map(d -> Views.item(d, json)).toList());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.MEMBER })
    public Uni<Views.ItemView> get(@PathParam("id") String id) {
        return items.get(caller.companyId(), id).map(d -> Views.item(d, json));
    }

    /**
     * Deletes the connection at Pluggy and here. The ledger erases the item's accounts and transactions, or keeps
     * them read-only with {@code keep_history=true}.
     */
    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    public Uni<Response> delete(@PathParam("id") String id, @RestQuery("keep_history") String keepHistory) {
        RemovalMode mode = switch (keepHistory == null ? "false" : keepHistory) {
            case "true" -> RemovalMode.ARCHIVE;
            case "false" -> RemovalMode.DELETE;
            default -> throw ProblemException.badRequest("invalid_parameter", "keep_history is true or false");
        };
        return items.delete(caller.companyId(), id, mode).replaceWith(Response.noContent().build());
    }

    @POST
    @Path("{id}/sync")
    @RolesAllowed({ Roles.ADMIN, Roles.MEMBER })
    public Uni<Response> sync(@PathParam("id") String id, SyncRequest request) {
        SyncRequest r = request == null ? new SyncRequest(null, null, null) : request;
        return sync.syncItem(caller.companyId(), id, Boolean.TRUE.equals(r.force()), r.fromDate(), r.toDate())
                .map(answer -> Response.accepted(ApiResponse.ok(Views.SyncScheduledView.of(answer))).build());
    }

    @GET
    @Path("{id}/mfa")
    @RolesAllowed({ Roles.ADMIN, Roles.MEMBER })
    public Uni<Views.MfaPromptView> mfaPrompt(@PathParam("id") String id) {
        return items.mfaPrompt(caller.companyId(), id).map(Views.MfaPromptView::of);
    }

    @POST
    @Path("{id}/mfa")
    @RolesAllowed(Roles.ADMIN)
    public Uni<ApiResponse<Views.ItemView>> answerMfa(@PathParam("id") String id, MfaAnswer answer) {
        if (answer == null || answer.value() == null || answer.value().isBlank() || answer.value().length() > 200) {
            throw ProblemException.badRequest("mfa_value_required", "value is required (at most 200 characters)");
        }
        return items.answerMfa(caller.companyId(), id, answer.value().trim())
                .map(d -> ApiResponse.ok(Views.item(d, json)));
    }
}
