package io.financehub.pluggy.model;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Pluggy's page of a cursor listing (GET /v2/transactions).
 *
 * @param next link to the next page (its {@code after} parameter is the cursor), or null on the last page
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record CursorPageResponse<T>(List<T> results, String next) {

    public CursorPageResponse {
        results = results == null ? List.of() : List.copyOf(results);
    }

    /** The {@code after} cursor of {@link #next()}, or empty on the last page. */
    public Optional<String> nextCursor() {
        return cursorOf(next);
    }

    /** The {@code after} parameter of a {@code next} link, or empty when there is none. */
    public static Optional<String> cursorOf(String next) {
        if (next == null || next.isBlank()) {
            return Optional.empty();
        }
        String query = URI.create(next).getRawQuery();
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals("after")) {
                return Optional.of(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }
}
