package io.financehub.ledger.service;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.financehub.ledger.repository.UsageRepository;
import io.financehub.ledger.repository.UsageRepository.HeldBack;
import io.financehub.ledger.repository.UsageRepository.Usage;
import io.smallrye.mutiny.Uni;

/**
 * What the plan allows and what it held back.
 *
 * <p>Held-back transactions are not stored; their Pluggy ids are. Once the plan has room (a raised limit from
 * banking.companies, or a new month), the next batch that carries one of them stores it and drops it from the list.
 * sync-service's incremental sync re-reads the last 7 days, so recent ones come back by themselves; older ones need a
 * window sync from {@link Resync#fromDate()}, which the answer names per account.
 */
@ApplicationScoped
public class UsageService {

    private final UsageRepository usage;
    private final LedgerCalendar calendar;

    UsageService(UsageRepository usage, LedgerCalendar calendar) {
        this.usage = usage;
        this.calendar = calendar;
    }

    public Uni<Summary> summary(UUID companyId) {
        LocalDate month = calendar.currentMonth();
        return usage.usage(companyId, month).flatMap(u -> usage.heldBack(companyId).map(held -> summary(month, u,
                held)));
    }

    private Summary summary(LocalDate month, Usage u, List<HeldBack> held) {
        long heldBack = held.stream().mapToLong(HeldBack::count).sum();
        Long remaining = u.limit() == null ? null : Math.max(0, u.limit() - u.used());
        List<Resync> resync = held.stream()
                .map(h -> new Resync(h.accountId(), h.count(), calendar.dayOf(h.oldest())))
                .toList();
        return new Summary(YearMonth.from(month), u.plan(), u.limit(), u.used(), remaining, heldBack, heldBack > 0,
                resync);
    }

    /**
     * @param limit     null when unlimited
     * @param remaining null when unlimited
     */
    public record Summary(YearMonth month, String plan, Long limit, long used, Long remaining, long heldBack,
            boolean upgradeRequired, List<Resync> resync) {
    }

    /** An account with held-back transactions, and the first day a window sync must cover to bring them all. */
    public record Resync(UUID accountId, long heldBack, LocalDate fromDate) {
    }
}
