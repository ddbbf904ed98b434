package io.financehub.pluggy.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Options of POST /connect_token.
 *
 * @param clientUserId our own id of the user (here: the company), echoed on every item created with the token
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConnectTokenOptions(String webhookUrl, String clientUserId, String oauthRedirectUri,
        Boolean avoidDuplicates) {
}
