package io.financehub.pluggy.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * How a connector is doing.
 *
 * @param status ONLINE, OFFLINE (Pluggy refuses connections with 400) or UNSTABLE
 * @param stage  BETA or null
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConnectorHealth(String status, String stage) {
}
