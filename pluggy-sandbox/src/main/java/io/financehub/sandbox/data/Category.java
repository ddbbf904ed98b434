package io.financehub.sandbox.data;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Pluggy's Category: two levels, 8-digit ids whose first two digits are the parent's. */
@RegisterForReflection
public record Category(String id, String description, String descriptionTranslated, String parentId,
        String parentDescription) {
}
