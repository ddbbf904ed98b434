package io.financehub.ledger.rest;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

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

    private final AccountService accounts;
    private final Caller caller;

    AccountResource(AccountService accounts, Caller caller) {
        this.accounts = accounts;
        this.caller = caller;
    }

    @GET
    public Uni<List<AccountView>> list() {
        return accounts.list(caller.companyId())
                .map(list -> list.stream().map(AccountView::of).toList());
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record AccountView(UUID id, String pluggyAccountId, String type, String subtype, String name,
            BigDecimal balance, String currencyCode, boolean isActive) {

        static AccountView of(Account a) {
            return new AccountView(a.id, a.pluggyAccountId, a.type, a.subtype, a.name, a.balance, a.currencyCode,
                    a.active);
        }
    }
}
