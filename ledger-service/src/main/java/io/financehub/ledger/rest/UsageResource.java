package io.financehub.ledger.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.financehub.ledger.service.UsageService;
import io.financehub.ledger.service.UsageService.Summary;
import io.financehub.support.Caller;
import io.financehub.support.Roles;
import io.smallrye.mutiny.Uni;

/** The plan's transaction limit, this month's use, and what the limit held back. */
@Path("/api/banking/usage")
@RolesAllowed({ Roles.ADMIN, Roles.MEMBER })
public class UsageResource {

    private final UsageService usage;
    private final Caller caller;

    UsageResource(UsageService usage, Caller caller) {
        this.usage = usage;
        this.caller = caller;
    }

    @GET
    public Uni<UsageView> get() {
        return usage.summary(caller.companyId()).map(UsageView::of);
    }

    /**
     * @param monthlyTransactionLimit null when unlimited
     * @param heldBack                new transactions not stored because of the limit, still to be brought in
     * @param resync                  per account, the first day a window sync must cover to bring them in
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record UsageView(String month, String plan, Long monthlyTransactionLimit, long transactionsUsed,
            Long transactionsRemaining, long heldBack, boolean upgradeRequired, List<ResyncView> resync) {

        static UsageView of(Summary s) {
            return new UsageView(s.month().toString(), s.plan(), s.limit(), s.used(), s.remaining(), s.heldBack(),
                    s.upgradeRequired(),
                    s.resync().stream().map(r -> new ResyncView(r.accountId(), r.heldBack(), r.fromDate())).toList());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ResyncView(UUID accountId, long heldBack, LocalDate fromDate) {
    }
}
