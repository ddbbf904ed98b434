package io.financehub.ledger.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.financehub.ledger.service.DashboardService;
import io.financehub.ledger.service.DashboardService.AccountSummary;
import io.financehub.ledger.service.DashboardService.CategoryShare;
import io.financehub.ledger.service.DashboardService.Dashboard;
import io.financehub.ledger.service.DashboardService.MonthFigures;
import io.financehub.ledger.service.DashboardService.UnreconciledAccount;
import io.financehub.support.Caller;
import io.financehub.support.Roles;
import io.smallrye.mutiny.Uni;

/**
 * The company at a glance: balances, this month's income and expenses (transfers between its accounts left out), the
 * last twelve months, where the money went, the latest transactions and the accounts that do not reconcile.
 */
@Path("/api/banking/dashboard")
@RolesAllowed({ Roles.ADMIN, Roles.MEMBER })
public class DashboardResource {

    private final DashboardService dashboard;
    private final Caller caller;

    DashboardResource(DashboardService dashboard, Caller caller) {
        this.dashboard = dashboard;
        this.caller = caller;
    }

    @GET
    public Uni<DashboardView> get() {
        return dashboard.dashboard(caller.companyId()).map(DashboardView::of);
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record DashboardView(BigDecimal totalBalance, int totalAccounts, MonthView currentMonth,
            List<TransactionView> recentTransactions, List<CategoryView> categoryBreakdown,
            List<AccountView> accountsSummary, List<MonthView> monthly, List<UnreconciledView> unreconciledAccounts) {

        static DashboardView of(Dashboard d) {
            return new DashboardView(d.totalBalance(), d.totalAccounts(), MonthView.of(d.currentMonth()),
                    d.recentTransactions().stream().map(TransactionView::of).toList(),
                    d.categoryBreakdown().stream().map(CategoryView::of).toList(),
                    d.accountsSummary().stream().map(AccountView::of).toList(),
                    d.monthly().stream().map(MonthView::of).toList(),
                    d.unreconciledAccounts().stream().map(UnreconciledView::of).toList());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record MonthView(String month, BigDecimal income, BigDecimal expenses, BigDecimal net,
            BigDecimal transfers) {

        static MonthView of(MonthFigures m) {
            YearMonth month = m.month();
            return new MonthView(month.toString(), m.income(), m.expenses(), m.net(), m.transfers());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CategoryView(UUID categoryId, String name, String flow, BigDecimal total, long count,
            BigDecimal percentage) {

        static CategoryView of(CategoryShare c) {
            return new CategoryView(c.categoryId(), c.name(), c.flow(), c.total(), c.count(), c.percentage());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record AccountView(UUID id, String displayName, String type, String subtype, BigDecimal balance,
            String currencyCode, Instant balanceDate, String reconciliation, BigDecimal drift) {

        static AccountView of(AccountSummary a) {
            return new AccountView(a.id(), a.displayName(), a.type(), a.subtype(), a.balance(), a.currencyCode(),
                    a.balanceDate(), a.reconciliation(), a.drift());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record UnreconciledView(UUID accountId, String displayName, BigDecimal drift) {

        static UnreconciledView of(UnreconciledAccount u) {
            return new UnreconciledView(u.accountId(), u.displayName(), u.drift());
        }
    }
}
