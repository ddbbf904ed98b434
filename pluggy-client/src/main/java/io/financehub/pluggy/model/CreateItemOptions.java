package io.financehub.pluggy.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Options of POST /items and PATCH /items/{id}. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateItemOptions(String webhookUrl, String clientUserId, List<String> products, Boolean avoidDuplicates,
        String oauthRedirectUri) {

    public static final CreateItemOptions NONE = new CreateItemOptions(null, null, null, null, null);
}
