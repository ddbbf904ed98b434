package io.financehub.ledger.service;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import io.financehub.ledger.repository.TransactionQueryRepository;
import io.quarkus.logging.Log;

/**
 * The planner's statistics of {@code search_text}, kept in memory (see {@link WordFrequencies}) and read again at
 * most every {@link #MAX_AGE}: ANALYZE (autovacuum's) changes them rarely, and a request never waits for them. Until
 * they are first read, searches are written as without them.
 */
@ApplicationScoped
public class SearchStatistics {

    static final Duration MAX_AGE = Duration.ofMinutes(10);

    private final TransactionQueryRepository transactions;
    private final AtomicBoolean reading = new AtomicBoolean();
    private volatile WordFrequencies current = WordFrequencies.NONE;
    private volatile long readAt = Long.MIN_VALUE;

    SearchStatistics(TransactionQueryRepository transactions) {
        this.transactions = transactions;
    }

    /** The statistics as last read; starts reading them again (in the background) when they are old. */
    public WordFrequencies current() {
        long now = System.nanoTime();
        if ((readAt == Long.MIN_VALUE || now - readAt > MAX_AGE.toNanos()) && reading.compareAndSet(false, true)) {
            transactions.searchStatistics().subscribe().with(frequencies -> {
                current = frequencies;
                readAt = System.nanoTime();
                reading.set(false);
            }, failure -> {
                Log.warnf("Search statistics not read: %s", failure.getMessage());
                readAt = System.nanoTime();
                reading.set(false);
            });
        }
        return current;
    }
}
