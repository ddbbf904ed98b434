package io.financehub.ledger.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.financehub.ledger.Account;
import io.financehub.ledger.service.AccountService;
import io.financehub.ledger.service.ReconciliationService;
import io.financehub.ledger.service.ReconciliationService.Reconciliation;
import io.financehub.support.Caller;
import io.financehub.support.Roles;
import io.smallrye.mutiny.Uni;

@Path("/api/banking/accounts")
@RolesAllowed({ Roles.ADMIN, Roles.MEMBER })
public class AccountResource {

    private static final Set<String> TYPES = Set.of("BANK", "CREDIT");

    private final AccountService accounts;
    private final ReconciliationService reconciliation;
    private final Caller caller;

    AccountResource(AccountService accounts, ReconciliationService reconciliation, Caller caller) {
        this.accounts = accounts;
        this.reconciliation = reconciliation;
        this.caller = caller;
    }

    /** The company's accounts, by name; {@code type} BANK or CREDIT, {@code is_active} true or false. */
    @GET
    public Uni<List<AccountView>> list(@RestQuery String type, @RestQuery("is_active") String isActive) {
        String accountType = Params.oneOf("type", type, TYPES);
        Boolean active = Params.bool("is_active", isActive);
        return accounts.list(caller.companyId(), accountType, active)
                .map(list -> list.stream().map(AccountView::of).toList());
    }

    /** Every account's reconciliation: Pluggy's balance against the ledger's (see ReconciliationService). */
    @GET
    @Path("/reconciliation")
    public Uni<List<ReconciliationView>> reconciliation() {
        return reconciliation.all(caller.companyId())
                .map(list -> list.stream().map(ReconciliationView::of).toList());
    }

    /** One account's reconciliation, with the day a drift started. */
    @GET
    @Path("/{id}/reconciliation")
    public Uni<ReconciliationView> reconciliation(@RestPath String id) {
        return reconciliation.one(caller.companyId(), Params.uuid("id", id)).map(ReconciliationView::of);
    }

    @GET
    @Path("/{id}")
    public Uni<AccountView> get(@RestPath String id) {
        UUID accountId = Params.uuid("id", id);
        return accounts.get(caller.companyId(), accountId).map(AccountView::of);
    }

    /** An account; {@code number} is masked, {@code bank_data}/{@code credit_data} as Pluggy gave them. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record AccountView(UUID id, String pluggyAccountId, String itemId, String type, String subtype,
            String name, String marketingName, String displayName, String number, String owner, BigDecimal balance,
            String currencyCode, Instant balanceDate, @JsonRawValue String bankData, @JsonRawValue String creditData,
            boolean isActive, Instant createdAt, Instant updatedAt) {

        static AccountView of(Account a) {
            return new AccountView(a.id, a.pluggyAccountId, a.pluggyItemId, a.type, a.subtype, a.name,
                    a.marketingName, a.displayName(), a.maskedNumber(), a.owner, a.balance, a.currencyCode,
                    a.balanceDate, a.bankData, a.creditData, a.active, a.createdAt, a.updatedAt);
        }
    }

    /**
     * @param status reconciled, drift, incomplete (the plan held transactions back) or unknown (nothing to start
     *               from)
     * @param drift  reported balance minus the ledger's
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ReconciliationView(UUID accountId, String status, BigDecimal reportedBalance,
            BigDecimal ledgerBalance, BigDecimal drift, BigDecimal openingBalance, long transactions, long heldBack,
            Instant balanceDate, java.time.LocalDate driftSince) {

        static ReconciliationView of(Reconciliation r) {
            return new ReconciliationView(r.accountId(), r.status(), r.reportedBalance(), r.ledgerBalance(), r.drift(),
                    r.opening(), r.transactions(), r.heldBack(), r.balanceDate(), r.driftSince());
        }
    }
}
