package io.financehub.pluggy.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One choice of a {@code select} credential. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record CredentialSelectOption(String value, String label) {
}
