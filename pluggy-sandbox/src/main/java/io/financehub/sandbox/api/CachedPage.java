package io.financehub.sandbox.api;

import io.vertx.core.buffer.Buffer;

/** A finished transaction page: its JSON body, off-heap, and where it ended (for the page after it). */
record CachedPage(Buffer body, long lastSeq, boolean hasMore) {
}
