package io.financehub.pluggy.model;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** What the user must do while an item is WAITING_USER_ACTION ({@code qr} or {@code authorize-access}). */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record UserAction(String instructions, String type, Map<String, String> attributes, Instant expiresAt) {
}
