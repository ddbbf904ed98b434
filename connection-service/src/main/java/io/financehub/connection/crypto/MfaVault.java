package io.financehub.connection.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.financehub.connection.Item;
import io.financehub.connection.config.ConnectionConfig;
import io.financehub.pluggy.model.ConnectorCredential;
import io.quarkus.runtime.StartupEvent;

/**
 * Seals an item's MFA prompt into {@link Item#encryptedParameter} and opens it again. The prompt never exists at
 * rest or in a log in plaintext; it is bound to its item's Pluggy id.
 */
@ApplicationScoped
public class MfaVault {

    private final MfaCipher cipher;
    private final ObjectMapper json;

    MfaVault(ConnectionConfig config, ObjectMapper json) {
        this.cipher = MfaCipher.fromSpec(config.mfa().keys());
        this.json = json;
    }

    /** A missing or malformed MFA_ENCRYPTION_KEYS stops the service at start, not at the first MFA prompt. */
    void checkKeys(@Observes StartupEvent start) {
        cipher.activeKeyId();
    }

    public void seal(Item item, ConnectorCredential prompt) {
        try {
            item.encryptedParameter = cipher.encrypt(json.writeValueAsBytes(prompt), item.pluggyItemId);
            item.parameterExpiresAt = prompt.expiresAt();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An MFA prompt could not be serialised", e);
        }
    }

    public void clear(Item item) {
        item.encryptedParameter = null;
        item.parameterExpiresAt = null;
    }

    /** The pending prompt, or null. */
    public ConnectorCredential open(Item item) {
        if (item.encryptedParameter == null) {
            return null;
        }
        try {
            return json.readValue(cipher.decrypt(item.encryptedParameter, item.pluggyItemId), ConnectorCredential.class);
        } catch (IOException e) {
            throw new UncheckedIOException("A stored MFA prompt could not be read", e);
        }
    }
}
