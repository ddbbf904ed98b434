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
import io.financehub.support.Caller;
import io.financehub.support.Roles;
import io.smallrye.mutiny.Uni;

@Path("/api/banking/accounts")
@RolesAllowed({ Roles.ADMIN, Roles.MEMBER })
public class AccountResource {

    private static final Set<String> TYPES = Set.of("BANK", "CREDIT");

    private final AccountService accounts;
    private final Caller caller;

    AccountResource(AccountService accounts, Caller caller) {
        this.accounts = accounts;
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
}
