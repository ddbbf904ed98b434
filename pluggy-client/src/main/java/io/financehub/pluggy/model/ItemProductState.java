package io.financehub.pluggy.model;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record ItemProductState(boolean isUpdated, Instant lastUpdatedAt, List<ItemProductStepWarning> warnings) {
}
