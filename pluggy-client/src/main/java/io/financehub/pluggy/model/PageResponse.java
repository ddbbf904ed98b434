package io.financehub.pluggy.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Pluggy's page of a page-numbered listing (connectors, accounts, categories, the deprecated transactions). */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record PageResponse<T>(List<T> results, int page, int total, int totalPages) {

    public PageResponse {
        results = results == null ? List.of() : List.copyOf(results);
    }

    public boolean hasNext() {
        return page < totalPages;
    }
}
