package io.financehub.contracts.problem;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** @param field path of the offending input, e.g. {@code items[0].name} */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FieldError(String field, String message) {
}
