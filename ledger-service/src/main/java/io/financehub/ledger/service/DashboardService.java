package io.financehub.ledger.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.financehub.ledger.Account;
import io.financehub.ledger.LedgerTransaction;
import io.financehub.ledger.repository.AccountRepository;
import io.financehub.ledger.repository.DashboardRepository;
import io.financehub.ledger.repository.DashboardRepository.Figure;
import io.financehub.ledger.service.ReconciliationService.Reconciliation;
import io.smallrye.mutiny.Uni;

/**
 * The company at a glance, from the rollups (kept at ingest by triggers) and a handful of index lookups, so it
 * answers in the same time whatever the number of transactions. Income and expenses leave transfers out (paired
 * transfers between the company's accounts and transfer-type categories); on a credit card a credit (a refund)
 * lowers expenses. The total balance is what the bank accounts hold less what the credit cards owe.
 */
@ApplicationScoped
public class DashboardService {

    static final int RECENT = 10;
    static final int MONTHS = 12;
    private static final UUID UNCATEGORISED = new UUID(0, 0);

    private final AccountRepository accounts;
    private final DashboardRepository rollups;
    private final TransactionService transactions;
    private final ReconciliationService reconciliation;
    private final LedgerCalendar calendar;

    DashboardService(AccountRepository accounts, DashboardRepository rollups, TransactionService transactions,
            ReconciliationService reconciliation, LedgerCalendar calendar) {
        this.accounts = accounts;
        this.rollups = rollups;
        this.transactions = transactions;
        this.reconciliation = reconciliation;
        this.calendar = calendar;
    }

    public Uni<Dashboard> dashboard(UUID companyId) {
        LocalDate month = calendar.currentMonth();
        LocalDate first = month.minusMonths(MONTHS - 1);
        TransactionFilter all = new TransactionFilter(null, null, null, null, null, null, null, null, null);
        return Uni.combine().all().unis(
                accounts.listForCompany(companyId, null, true),
                rollups.figures(companyId, first),
                transactions.page(companyId, all, Ordering.DEFAULT, null, RECENT),
                reconciliation.all(companyId))
                .with((accountList, figures, recent, reconciled) -> build(month, accountList, figures,
                        recent.rows(), reconciled));
    }

    private static Dashboard build(LocalDate month, List<Account> accounts, List<Figure> figures,
            List<LedgerTransaction> recent, List<Reconciliation> reconciled) {
        Map<UUID, Reconciliation> byAccount = reconciled.stream()
                .collect(Collectors.toMap(Reconciliation::accountId, Function.identity()));
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        List<AccountSummary> summaries = new ArrayList<>(accounts.size());
        for (Account a : accounts) {
            BigDecimal balance = a.balance == null ? BigDecimal.ZERO : a.balance;
            total = "CREDIT".equals(a.type) ? total.subtract(balance) : total.add(balance);
            Reconciliation r = byAccount.get(a.id);
            summaries.add(new AccountSummary(a.id, a.displayName(), a.type, a.subtype, balance, a.currencyCode,
                    a.balanceDate, r == null ? "unknown" : r.status(), r == null ? null : r.drift()));
        }

        Map<LocalDate, Totals> byMonth = new LinkedHashMap<>();
        for (int i = MONTHS - 1; i >= 0; i--) {
            byMonth.put(month.minusMonths(i), new Totals());
        }
        Map<String, CategoryShare> breakdown = new LinkedHashMap<>();
        for (Figure f : figures) {
            Totals totals = byMonth.get(f.month());
            if (totals == null) {
                continue;
            }
            totals.add(f.flow(), f.total());
            if (f.month().equals(month) && !"transfer".equals(f.flow())) {
                breakdown.merge(f.flow() + ":" + f.categoryId(), new CategoryShare(
                        UNCATEGORISED.equals(f.categoryId()) ? null : f.categoryId(),
                        f.categoryName() == null ? "Sem categoria" : f.categoryName(), f.flow(), f.total(), f.count(),
                        null), CategoryShare::plus);
            }
        }
        Totals current = byMonth.get(month);
        List<CategoryShare> shares = breakdown.values().stream()
                .map(s -> s.withShare("income".equals(s.flow()) ? current.income : current.expenses))
                .sorted(Comparator.comparing(CategoryShare::flow).thenComparing(CategoryShare::total,
                        Comparator.reverseOrder()))
                .toList();
        List<MonthFigures> series = byMonth.entrySet().stream()
                .map(e -> e.getValue().of(YearMonth.from(e.getKey()))).toList();
        List<UnreconciledAccount> unreconciled = summaries.stream()
                .filter(s -> "drift".equals(s.reconciliation()))
                .map(s -> new UnreconciledAccount(s.id(), s.displayName(), s.drift()))
                .toList();
        return new Dashboard(total, accounts.size(), current.of(YearMonth.from(month)), recent, shares, summaries,
                series, unreconciled);
    }

    /** Money in and out of a month. */
    private static final class Totals {
        BigDecimal income = BigDecimal.ZERO.setScale(2);
        BigDecimal expenses = BigDecimal.ZERO.setScale(2);
        BigDecimal transfers = BigDecimal.ZERO.setScale(2);

        void add(String flow, BigDecimal value) {
            switch (flow) {
                case "income" -> income = income.add(value);
                case "expense" -> expenses = expenses.add(value);
                default -> transfers = transfers.add(value);
            }
        }

        MonthFigures of(YearMonth month) {
            return new MonthFigures(month, income, expenses, income.subtract(expenses), transfers);
        }
    }

    public record Dashboard(BigDecimal totalBalance, int totalAccounts, MonthFigures currentMonth,
            List<LedgerTransaction> recentTransactions, List<CategoryShare> categoryBreakdown,
            List<AccountSummary> accountsSummary, List<MonthFigures> monthly,
            List<UnreconciledAccount> unreconciledAccounts) {
    }

    /** @param transfers moved between the company's own accounts (counted once per side), not in income or expenses */
    public record MonthFigures(YearMonth month, BigDecimal income, BigDecimal expenses, BigDecimal net,
            BigDecimal transfers) {
    }

    /** @param percentage of the month's income or expenses (as the flow says), two decimals */
    public record CategoryShare(UUID categoryId, String name, String flow, BigDecimal total, long count,
            BigDecimal percentage) {

        CategoryShare plus(CategoryShare other) {
            return new CategoryShare(categoryId, name, flow, total.add(other.total), count + other.count, null);
        }

        CategoryShare withShare(BigDecimal whole) {
            BigDecimal share = whole.signum() == 0 ? null
                    : total.multiply(BigDecimal.valueOf(100)).divide(whole, 2, RoundingMode.HALF_EVEN);
            return new CategoryShare(categoryId, name, flow, total, count, share);
        }
    }

    public record AccountSummary(UUID id, String displayName, String type, String subtype, BigDecimal balance,
            String currencyCode, java.time.Instant balanceDate, String reconciliation, BigDecimal drift) {
    }

    public record UnreconciledAccount(UUID accountId, String displayName, BigDecimal drift) {
    }
}
