package io.financehub.pluggy.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Pluggy's Category: two levels, 8-digit ids. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record Category(String id, String description, String descriptionTranslated, String parentId,
        String parentDescription) {
}
