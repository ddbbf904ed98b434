package io.financehub.pluggy.model;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Pluggy's Connector: an institution Pluggy can connect to. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record Connector(
        int id,
        String name,
        String institutionUrl,
        String imageUrl,
        String primaryColor,
        String type,
        String country,
        List<ConnectorCredential> credentials,
        @JsonProperty("hasMFA") boolean hasMFA,
        Boolean oauth,
        String oauthUrl,
        ConnectorHealth health,
        @JsonProperty("isOpenFinance") boolean isOpenFinance,
        @JsonProperty("isSandbox") boolean isSandbox,
        Boolean supportsPaymentInitiation,
        Boolean supportsScheduledPayments,
        Boolean supportsSmartTransfers,
        Boolean supportsAutomaticPix,
        Boolean supportsBoletoManagement,
        String resetPasswordUrl,
        List<String> products,
        Instant createdAt,
        Instant updatedAt) {

    public Connector {
        credentials = credentials == null ? List.of() : List.copyOf(credentials);
        products = products == null ? List.of() : List.copyOf(products);
    }
}
