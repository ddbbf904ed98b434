package io.financehub.pluggy.model;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Why an item's last execution failed: INVALID_CREDENTIALS, USER_INPUT_TIMEOUT, SITE_NOT_AVAILABLE, ... */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExecutionErrorResult(String code, String message, String providerMessage, Map<String, String> attributes) {
}
