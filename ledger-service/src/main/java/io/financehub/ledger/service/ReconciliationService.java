package io.financehub.ledger.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.financehub.ledger.repository.ReconciliationRepository;
import io.financehub.ledger.repository.ReconciliationRepository.Day;
import io.financehub.ledger.repository.ReconciliationRepository.State;
import io.financehub.support.ProblemException;
import io.smallrye.mutiny.Uni;

/**
 * Does the ledger agree with the bank? For each account: Pluggy's reported balance against the ledger's view, the
 * balance before the account's first transaction plus the sum of every transaction the ledger holds. The opening
 * balance comes from the running balances Pluggy gives on the first day: with several transactions that day in an
 * unknown order, it is the one value that is both "a transaction's balance minus its amount" (it came first) and "a
 * transaction's balance minus the day's sum" (it came last). A missing, doubled or altered transaction, or a balance
 * the transactions cannot explain, shows as a drift; the walk over the days finds the day it started (the day after
 * the last day whose closing balance one of that day's transactions carries).
 *
 * <p>Statuses: reconciled (to the cent), drift, incomplete (the plan held transactions back, so the ledger cannot
 * agree yet) and unknown (no transactions, or no running balances to start from).
 */
@ApplicationScoped
public class ReconciliationService {

    private final ReconciliationRepository repository;

    ReconciliationService(ReconciliationRepository repository) {
        this.repository = repository;
    }

    public Uni<List<Reconciliation>> all(UUID companyId) {
        return repository.states(companyId, null)
                .map(states -> states.stream().map(ReconciliationService::reconcile).toList());
    }

    /** One account, with the day its drift started. */
    public Uni<Reconciliation> one(UUID companyId, UUID accountId) {
        return repository.states(companyId, accountId).flatMap(states -> {
            if (states.isEmpty()) {
                throw ProblemException.notFound("Account");
            }
            Reconciliation r = reconcile(states.get(0));
            if (!"drift".equals(r.status())) {
                return Uni.createFrom().item(r);
            }
            return repository.days(accountId).map(days -> r.since(driftStart(r.opening(), days, r.balanceDate())));
        });
    }

    static Reconciliation reconcile(State s) {
        BigDecimal opening = opening(s.firstDayBalances(), s.firstDayAmounts());
        if (s.count() == 0 || opening == null || s.reportedBalance() == null) {
            return new Reconciliation(s.accountId(), "unknown", s.reportedBalance(), null, null, opening, s.count(),
                    s.heldBack(), s.balanceDate(), null);
        }
        BigDecimal ledger = opening.add(s.ledgerTotal());
        BigDecimal drift = s.reportedBalance().subtract(ledger);
        String status = s.heldBack() > 0 ? "incomplete" : drift.signum() == 0 ? "reconciled" : "drift";
        return new Reconciliation(s.accountId(), status, s.reportedBalance(), ledger, drift, opening, s.count(),
                s.heldBack(), s.balanceDate(), null);
    }

    /** The balance before the first day's transactions, or null when their running balances cannot tell. */
    static BigDecimal opening(List<BigDecimal> balances, List<BigDecimal> amounts) {
        if (balances.isEmpty() || balances.contains(null)) {
            return null;
        }
        BigDecimal day = amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        Set<BigDecimal> firsts = new HashSet<>();
        for (int i = 0; i < balances.size(); i++) {
            firsts.add(balances.get(i).subtract(amounts.get(i)).stripTrailingZeros());
        }
        BigDecimal found = null;
        for (BigDecimal balance : balances) {
            BigDecimal candidate = balance.subtract(day).stripTrailingZeros();
            if (firsts.contains(candidate)) {
                if (found != null && found.compareTo(candidate) != 0) {
                    return null;
                }
                found = candidate;
            }
        }
        return found == null ? null : found.setScale(2);
    }

    /**
     * The day after the last day whose closing balance (opening plus every day's sum so far) is one of the running
     * balances of that day: the first day the ledger may have gone wrong. If every day agrees, the drift came after
     * the last transaction.
     */
    static LocalDate driftStart(BigDecimal opening, List<Day> days, Instant balanceDate) {
        BigDecimal close = opening;
        LocalDate lastGood = null;
        for (int i = 0; i < days.size(); i++) {
            Day day = days.get(i);
            close = close.add(day.total());
            if (day.balances().isEmpty()) {
                continue;
            }
            BigDecimal closing = close;
            if (day.balances().stream().anyMatch(b -> b.compareTo(closing) == 0)) {
                lastGood = day.day();
            } else {
                return lastGood == null ? days.get(0).day() : lastGood.plusDays(1);
            }
        }
        return days.isEmpty() ? null : days.get(days.size() - 1).day().plusDays(1);
    }

    /**
     * @param ledgerBalance what the ledger makes of the account: opening plus the sum of its transactions
     * @param drift         reported minus ledger; null when unknown
     * @param driftSince    the ledger day the drift started (only when one account is asked for)
     */
    public record Reconciliation(UUID accountId, String status, BigDecimal reportedBalance, BigDecimal ledgerBalance,
            BigDecimal drift, BigDecimal opening, long transactions, long heldBack, Instant balanceDate,
            LocalDate driftSince) {

        Reconciliation since(LocalDate day) {
            return new Reconciliation(accountId, status, reportedBalance, ledgerBalance, drift, opening, transactions,
                    heldBack, balanceDate, day);
        }
    }
}
