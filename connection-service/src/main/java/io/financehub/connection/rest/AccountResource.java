package io.financehub.connection.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import io.financehub.connection.service.SyncService;
import io.financehub.support.Caller;
import io.financehub.support.Roles;
import io.smallrye.mutiny.Uni;

/** Account reads belong to the ledger; this service only takes "sync this account", by Pluggy's account id. */
@Path("/api/banking/accounts")
public class AccountResource {

    private final SyncService sync;
    private final Caller caller;

    AccountResource(SyncService sync, Caller caller) {
        this.sync = sync;
        this.caller = caller;
    }

    @POST
    @Path("{id}/sync")
    @RolesAllowed({ Roles.ADMIN, Roles.MEMBER })
    public Uni<Response> sync(@PathParam("id") String pluggyAccountId, ItemResource.SyncRequest request) {
        ItemResource.SyncRequest r = request == null ? new ItemResource.SyncRequest(null, null, null) : request;
        return sync.syncAccount(caller.companyId(), pluggyAccountId, Boolean.TRUE.equals(r.force()), r.fromDate(),
                r.toDate())
                .map(answer -> Response.accepted(ApiResponse.ok(Views.SyncScheduledView.of(answer))).build());
    }
}
