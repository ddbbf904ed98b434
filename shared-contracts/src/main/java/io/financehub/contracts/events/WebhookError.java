package io.financehub.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The {@code error} object of Pluggy's {@code item/error} webhook. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WebhookError(String code, String message) {
}
