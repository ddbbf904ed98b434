package io.financehub.sandbox.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.financehub.sandbox.Sandbox;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.buffer.Buffer;
import jakarta.inject.Inject;

@QuarkusTest
class TransactionPagesTest {

    private static final String BASE = "http://localhost:8091/";

    @Inject
    TransactionPages pages;

    @Inject
    PageCache cache;

    private String accountId;

    @BeforeEach
    void setUp() {
        Sandbox.reset();
        accountId = Sandbox.scenario(Map.of("connectorId", 0, "transactionCount", 1_000_000, "accounts",
                List.of(Map.of("type", "BANK")), "dateFrom", "2024-07-01", "dateTo", "2025-06-30"))
                .getString("accounts[0].id");
    }

    private void awaitCached(int pagesCached) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (cache.size() < pagesCached && System.nanoTime() < deadline) {
            Sandbox.sleep(5);
        }
        assertEquals(pagesCached, cache.size());
    }

    @Test
    void theNextPageOfACursorWalkIsGeneratedBeforeItIsAskedFor() {
        TransactionPages.CursorRequest first = pages.cursorRequest(accountId, null, null, null, null, null, null);
        String body = pages.cursorPage(first, BASE).join().toString(StandardCharsets.UTF_8);
        awaitCached(2);
        String after = body.substring(body.lastIndexOf("after=") + 6, body.lastIndexOf('"'));
        TransactionPages.CursorRequest second = pages.cursorRequest(accountId, null, null, null, after, null, null);
        Buffer page2 = pages.cursorPage(second, BASE).join();
        assertTrue(page2.toString(StandardCharsets.UTF_8).startsWith("{\"results\":[{\"id\":"));
        awaitCached(3);
        // Asked again, the same page is the same buffer: served, not regenerated.
        assertSame(page2, pages.cursorPage(second, BASE).join());
        assertEquals(3, cache.size());
    }

    @Test
    void pagesAnsweredAtRandomAreNotGeneratedAhead() {
        for (int page : new int[] { 17, 1_500, 3 }) {
            TransactionPages.OffsetRequest r = pages.offsetRequest(accountId, null, null, null, null,
                    String.valueOf(page), "500");
            assertTrue(pages.offsetPage(r).join().length() > 400_000);
        }
        Sandbox.sleep(200);
        assertEquals(3, cache.size());
    }

    @Test
    void theCacheStaysWithinItsBound() {
        for (int page = 1; page <= 200; page++) {
            pages.offsetPage(pages.offsetRequest(accountId, null, null, null, null, String.valueOf(page), "500"))
                    .join();
        }
        assertTrue(cache.bytes() <= PageCache.MAX_BYTES, cache.bytes() + " bytes");
        assertTrue(cache.size() < 200);
    }
}
