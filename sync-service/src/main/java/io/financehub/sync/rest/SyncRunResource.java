package io.financehub.sync.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.financehub.support.Caller;
import io.financehub.support.ProblemException;
import io.financehub.support.Roles;
import io.financehub.sync.SyncRun;
import io.financehub.sync.service.SyncRunService;
import io.smallrye.mutiny.Uni;

/** The company's sync runs, newest first, readable while they progress. */
@Path("/api/banking/sync-runs")
@RolesAllowed({ Roles.ADMIN, Roles.MEMBER })
public class SyncRunResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private final SyncRunService runs;
    private final Caller caller;

    SyncRunResource(SyncRunService runs, Caller caller) {
        this.runs = runs;
        this.caller = caller;
    }

    @GET
    public Uni<List<RunView>> list(@QueryParam("item_id") String itemId, @QueryParam("limit") Integer limit) {
        if (itemId != null && itemId.isBlank()) {
            throw ProblemException.badRequest("invalid_item_id", "item_id must not be blank");
        }
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ProblemException.badRequest("invalid_limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        return runs.recent(caller.companyId(), itemId, size).map(list -> list.stream().map(RunView::of).toList());
    }

    @GET
    @Path("{id}")
    public Uni<RunView> get(@PathParam("id") String id) {
        UUID runId;
        try {
            runId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid_id", "The sync run id is not a UUID");
        }
        return runs.get(caller.companyId(), runId).map(RunView::of);
    }

    /**
     * A run as the API shows it.
     *
     * @param coveredBy    for a request that needed no sync of its own: the run that had already fetched its data
     * @param itemStatus   the item's status at Pluggy when the run read it
     * @param errorCode    stable code of a failed or stopped run, e.g. MFA_REQUIRED, AUTHENTICATION_TIMEOUT
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record RunView(UUID id, UUID requestId, String itemId, String accountId, String trigger, boolean forced,
            LocalDate fromDate, LocalDate toDate, String status, String itemStatus, int attempts, int accounts,
            int pages, long transactionsSeen, long transactionsDeleted, UUID coveredBy, Instant requestedAt,
            Instant startedAt, Instant finishedAt, String errorCode, String error) {

        static RunView of(SyncRun r) {
            return new RunView(r.id, r.requestId, r.pluggyItemId, r.pluggyAccountId, r.trigger, r.forced,
                    r.windowFrom, r.windowTo, r.status.name().toLowerCase(), r.itemStatus, r.attempts, r.accounts,
                    r.pages, r.transactionsSeen, r.transactionsDeleted, r.coveredBy, r.requestedAt, r.startedAt,
                    r.finishedAt, r.errorCode, r.error);
        }
    }
}
