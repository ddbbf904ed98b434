package io.financehub.sync.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.financehub.support.Caller;
import io.financehub.support.Roles;
import io.financehub.sync.SyncRun;
import io.financehub.sync.service.SyncRunService;
import io.smallrye.mutiny.Uni;

@Path("/api/banking/sync-runs")
@RolesAllowed({ Roles.ADMIN, Roles.MEMBER })
public class SyncRunResource {

    private final SyncRunService runs;
    private final Caller caller;

    SyncRunResource(SyncRunService runs, Caller caller) {
        this.runs = runs;
        this.caller = caller;
    }

    @GET
    public Uni<List<RunView>> list(@QueryParam("item_id") String itemId) {
        return runs.recent(caller.companyId(), itemId).map(list -> list.stream().map(RunView::of).toList());
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record RunView(UUID id, String itemId, String trigger, String status, int pages, int transactionsSeen,
            Instant startedAt, Instant finishedAt, String error) {

        static RunView of(SyncRun r) {
            return new RunView(r.id, r.pluggyItemId, r.trigger, r.status, r.pages, r.transactionsSeen, r.startedAt,
                    r.finishedAt, r.error);
        }
    }
}
