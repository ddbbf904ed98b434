package io.financehub.pluggy.model;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Pluggy's ConnectorCredential: a field of a connector's login form, and also the MFA prompt of an item waiting for
 * user input ({@link Item#parameter()}).
 *
 * @param type      number, password, text, image, select, ethaddress or hcaptcha
 * @param data      for an image prompt, the image as base64
 * @param expiresAt for an MFA prompt, when the answer stops being accepted
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConnectorCredential(
        String label,
        String name,
        String type,
        Boolean mfa,
        String data,
        String assistiveText,
        List<CredentialSelectOption> options,
        String validation,
        String validationMessage,
        String placeholder,
        Boolean optional,
        String instructions,
        Instant expiresAt) {
}
