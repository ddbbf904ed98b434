package io.financehub.sync.service;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.financehub.contracts.events.TransactionBatch;
import io.financehub.pluggy.PluggyApiException;
import io.financehub.pluggy.PluggyClient;
import io.financehub.pluggy.model.TransactionFilter;
import io.financehub.sync.config.SyncConfig;
import io.financehub.sync.messaging.EncodedPage;
import io.financehub.sync.messaging.EventMapper;
import io.financehub.sync.messaging.EventPublisher;
import io.financehub.sync.messaging.TransactionBatchEncoder;
import io.financehub.sync.repository.ScanStateRepository;
import io.financehub.sync.repository.ScanStateRepository.DeliveredPage;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Pages through one account's transactions at Pluggy and streams them to banking.transactions.
 *
 * <p>Each page becomes one batch as soon as it arrives; the account's cursor moves past it only once Kafka has
 * acknowledged the batch, so a crash at any point replays at most the pages in flight. Fetching runs a bounded number
 * of pages ahead of publishing, and publishing one page ahead of recording, so the stages overlap while memory stays
 * flat whatever the history size.
 * Pages come from GET /v2/transactions following its {@code next} cursor; where that API is gone (404/410) from the
 * deprecated page-numbered one, until page == totalPages. A page is read straight into its batch's JSON
 * ({@link TransactionBatchEncoder}) as it is parsed: what is held per page is those bytes and the ids to record.
 */
@ApplicationScoped
public class AccountScanner {

    private final PluggyClient pluggy;
    private final EventPublisher publisher;
    private final TransactionBatchEncoder encoder;
    private final ScanStateRepository state;
    private final SyncMetrics metrics;
    private final SyncConfig config;
    private final int batchSize;
    private final int prefetch;

    AccountScanner(PluggyClient pluggy, EventPublisher publisher, TransactionBatchEncoder encoder,
            ScanStateRepository state, SyncMetrics metrics, SyncConfig config) {
        this.pluggy = pluggy;
        this.publisher = publisher;
        this.encoder = encoder;
        this.state = state;
        this.metrics = metrics;
        this.config = config;
        this.batchSize = Math.max(1, Math.min(config.batchSize(), TransactionBatch.MAX_BATCH_SIZE));
        this.prefetch = Math.max(1, config.prefetchPages());
    }

    /** Scans the account as the request asks, resuming an unfinished scan of the same query. */
    public Uni<Void> scan(RunContext run, String accountId) {
        return state.cursor(accountId).chain(cursor -> {
            if (cursor != null && !cursor.scanInProgress() && run.runId().equals(cursor.lastRunId())) {
                Log.debugf("Account %s was already scanned by run %s", accountId, run.runId());
                return Uni.createFrom().voidItem();
            }
            ScanPlan plan = ScanPlan.of(run.request(), cursor, config.overlap());
            if (cursor != null && cursor.scanInProgress() && plan.key().equals(cursor.scanFilter())) {
                UUID scanId = cursor.scanId();
                Log.infof("Resuming scan %s of account %s at %s (%s)", scanId, accountId,
                        cursor.scanAfter() == null ? "the start" : "a saved cursor", cursor.scanPhase());
                Uni<Void> resumed = state.adoptScan(accountId, scanId, run.runId())
                        .chain(() -> "DELETING".equals(cursor.scanPhase()) ? Uni.createFrom().voidItem()
                                : fetchAll(run, accountId, plan, scanId, Position.parse(cursor.scanAfter())))
                        .chain(() -> finish(run, accountId, plan, scanId));
                return resumed.onFailure(AccountScanner::staleCursor).recoverWithUni(stale -> {
                    Log.infof("Pluggy refused the saved cursor of account %s (%s): scanning again from the start",
                            accountId, stale.getMessage());
                    return fresh(run, accountId, plan);
                });
            }
            return fresh(run, accountId, plan);
        });
    }

    private Uni<Void> fresh(RunContext run, String accountId, ScanPlan plan) {
        UUID scanId = UUID.randomUUID();
        return state.beginScan(accountId, run.itemId(), scanId, run.runId(), plan.key())
                .chain(() -> fetchAll(run, accountId, plan, scanId, Position.START))
                .chain(() -> finish(run, accountId, plan, scanId));
    }

    private Uni<Void> fetchAll(RunContext run, String accountId, ScanPlan plan, UUID scanId, Position from) {
        PageLoop loop = new PageLoop(run, accountId, plan.filter(), scanId, from);
        return Multi.createBy().repeating().uni(loop::step).whilst(more -> more)
                .collect().last().chain(loop::drained);
    }

    /** Publishes deletions for the scope's known ids the scan did not see, then closes the scan. */
    private Uni<Void> finish(RunContext run, String accountId, ScanPlan plan, UUID scanId) {
        return Multi.createBy().repeating()
                .uni(() -> state.vanished(accountId, scanId, plan.scope(), null, batchSize)
                        .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(false)
                                : publisher.transactions(EventMapper.deletions(run.companyId(), run.itemId(),
                                        accountId, run.runId(), run.nextSequence(), ids))
                                        .chain(() -> state.deletionsDelivered(run.runId(), accountId, ids))
                                        .invoke(() -> metrics.deletions(ids.size()))
                                        .replaceWith(true)))
                .whilst(more -> more)
                .collect().last()
                .chain(() -> state.completeScan(accountId, scanId, run.runId(), plan.advancesMark()));
    }

    /** Where the next page is: the start, a cursor of /v2/transactions, or a page number of the deprecated API. */
    record Position(String after, int page) {

        static final Position START = new Position(null, 0);
        private static final String CURSOR = "after:";
        private static final String PAGE = "page:";

        static Position cursor(String after) {
            return new Position(after, 0);
        }

        static Position page(int page) {
            return new Position(null, page);
        }

        boolean isStart() {
            return after == null && page == 0;
        }

        String serialized() {
            if (after != null) {
                return CURSOR + after;
            }
            return page > 0 ? PAGE + page : null;
        }

        static Position parse(String saved) {
            if (saved == null) {
                return START;
            }
            if (saved.startsWith(PAGE)) {
                return page(Integer.parseInt(saved.substring(PAGE.length())));
            }
            return cursor(saved.startsWith(CURSOR) ? saved.substring(CURSOR.length()) : saved);
        }
    }

    /** One page as fetched, and where the following one is ({@code null} on the last page). */
    record Page(EncodedPage results, Position next) {
    }

    /**
     * One paging loop, a pipeline of three stages per page: fetched (up to {@code sync.prefetch-pages} ahead of the
     * page being published), published (sent to Kafka), recorded (cursor saved, only after Kafka's acknowledgement
     * and after the page before it). A step returns once the previous page is recorded, so a failure surfaces within
     * a page and at most prefetch + 2 pages are in memory.
     */
    private final class PageLoop {

        private final RunContext run;
        private final String accountId;
        private final TransactionFilter filter;
        private final UUID scanId;
        private final Ahead ahead;
        private Uni<Void> recording = Uni.createFrom().voidItem();

        PageLoop(RunContext run, String accountId, TransactionFilter filter, UUID scanId, Position from) {
            this.run = run;
            this.accountId = accountId;
            this.filter = filter;
            this.scanId = scanId;
            this.ahead = new Ahead(this::fetch, from, prefetch);
        }

        /** Publishes one page; true while more follow. */
        Uni<Boolean> step() {
            return ahead.take().chain(page -> deliver(page).map(ignored -> page.next() != null));
        }

        /** Completes when the last page is recorded. */
        Uni<Void> drained() {
            return recording;
        }

        private Uni<Page> fetch(Position at) {
            if (at.page() > 0) {
                return legacy(at.page());
            }
            Uni<Page> cursorPage = metrics.pluggy("transactions",
                    pluggy.transactions(accountId, filter, at.after(), encoder))
                    .map(response -> new Page(response.results(),
                            response.nextCursor().map(Position::cursor).orElse(null)));
            if (!at.isStart()) {
                return cursorPage;
            }
            return cursorPage.onFailure(AccountScanner::cursorApiGone).recoverWithUni(gone -> {
                Log.infof("GET /v2/transactions is not available (%s): paging account %s by page number",
                        gone.getMessage(), accountId);
                return legacy(1);
            });
        }

        private Uni<Page> legacy(int page) {
            return metrics.pluggy("transactions_by_page",
                    pluggy.transactionsByPage(accountId, filter, page, config.legacyPageSize(), encoder))
                    .map(response -> new Page(response.results(),
                            page < response.totalPages() ? Position.page(page + 1) : null));
        }

        /**
         * Sends the page (one batch, or more if Pluggy sent more than a batch holds), waits for the previous page to
         * be recorded, then records this one once Kafka has acknowledged it.
         */
        private Uni<Void> deliver(Page page) {
            EncodedPage upserts = page.results();
            Uni<Void> acknowledged = Uni.createFrom().voidItem();
            for (int start = 0; start < upserts.size(); start += batchSize) {
                int from = start;
                int to = Math.min(upserts.size(), start + batchSize);
                acknowledged = acknowledged.chain(() -> publisher.transactions(accountId, encoder.upserts(
                        run.companyId(), run.itemId(), accountId, run.runId(), run.nextSequence(), upserts, from,
                        to)));
            }
            Uni<Void> sent = started(acknowledged);
            String next = page.next() == null ? null : page.next().serialized();
            DeliveredPage delivered = new DeliveredPage(run.runId(), accountId, scanId, upserts.ids(),
                    upserts.dates(), upserts.createdAts(), next, upserts.maxCreatedAt());
            return recording.invoke(() -> recording = started(sent
                    .chain(() -> state.pageDelivered(delivered))
                    .invoke(() -> metrics.page(upserts.size()))));
        }
    }

    /**
     * The pages fetched ahead: a queue of at most {@code depth} pages, refilled as each fetch completes (the next
     * cursor is known only then). Plain futures, dropped once taken: a chain of Unis, each subscribed to the one
     * before, would keep every page of the history reachable.
     */
    static final class Ahead {

        private final Function<Position, Uni<Page>> fetch;
        private final int depth;
        private final Deque<CompletableFuture<Page>> queue = new ArrayDeque<>();
        private Position next;
        private boolean fetching;

        Ahead(Function<Position, Uni<Page>> fetch, Position from, int depth) {
            this.fetch = fetch;
            this.next = from;
            this.depth = depth;
        }

        /** The next page; only called while one follows. */
        synchronized Uni<Page> take() {
            fill();
            CompletableFuture<Page> head = queue.poll();
            if (head == null) {
                return Uni.createFrom().failure(new IllegalStateException("No page follows"));
            }
            fill();
            return Uni.createFrom().completionStage(head);
        }

        private synchronized void fill() {
            if (fetching || next == null || queue.size() >= depth) {
                return;
            }
            fetching = true;
            CompletableFuture<Page> page = new CompletableFuture<>();
            queue.add(page);
            fetch.apply(next).subscribe().with(fetched -> {
                synchronized (this) {
                    fetching = false;
                    next = fetched.next();
                }
                page.complete(fetched);
                fill();
            }, failure -> {
                synchronized (this) {
                    fetching = false;
                    next = null;
                }
                page.completeExceptionally(failure);
            });
        }
    }

    /** Subscribes now, so the request is on its way while the caller still works on the previous page. */
    private static <T> Uni<T> started(Uni<T> uni) {
        Uni<T> memoized = uni.memoize().indefinitely();
        // A failure here is kept by the memo and surfaces when the loop takes the page.
        memoized.subscribe().with(ignored -> {
        }, ignored -> {
        });
        return memoized;
    }

    private static boolean cursorApiGone(Throwable failure) {
        return failure instanceof PluggyApiException api && (api.status() == 410 || api.isNotFound());
    }

    private static boolean staleCursor(Throwable failure) {
        return failure instanceof PluggyApiException api && api.status() == 400;
    }
}
