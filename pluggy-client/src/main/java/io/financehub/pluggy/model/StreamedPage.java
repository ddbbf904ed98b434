package io.financehub.pluggy.model;

import java.util.Optional;

/**
 * A page of a transaction listing whose {@code results} were read by the caller's own
 * {@link io.financehub.pluggy.ResultsReader} as they were parsed, instead of into {@link Transaction} records.
 * The other fields are those of whichever listing answered: {@code next} for GET /v2/transactions (see
 * {@link CursorPageResponse}), {@code page}, {@code total} and {@code totalPages} for the deprecated GET /transactions
 * (see {@link PageResponse}); absent ones are null or 0.
 */
public record StreamedPage<T>(T results, String next, int page, int total, int totalPages) {

    /** The {@code after} cursor of {@link #next()}, or empty on the last page. */
    public Optional<String> nextCursor() {
        return CursorPageResponse.cursorOf(next);
    }
}
