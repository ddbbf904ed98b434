package io.financehub.sandbox.api;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Pluggy's page envelope. */
@RegisterForReflection
public record Page<T>(long total, long totalPages, long page, List<T> results) {

    public static <T> Page<T> single(List<T> results) {
        return new Page<>(results.size(), results.isEmpty() ? 0 : 1, 1, results);
    }
}
