package io.financehub.sandbox.data;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Pluggy's Connector, as GET /connectors answers it, plus how the sandbox logs in to it ({@link #login}). */
@RegisterForReflection
public record Connector(
        int id,
        String name,
        String institutionUrl,
        String imageUrl,
        String primaryColor,
        String type,
        String country,
        List<Credential> credentials,
        boolean hasMFA,
        boolean oauth,
        Health health,
        boolean isOpenFinance,
        boolean isSandbox,
        boolean supportsPaymentInitiation,
        boolean supportsScheduledPayments,
        boolean supportsSmartTransfers,
        boolean supportsAutomaticPix,
        boolean supportsBoletoManagement,
        List<String> products,
        Instant createdAt,
        Instant updatedAt,
        @JsonIgnore LoginRule login,
        @JsonIgnore List<AccountKind> accountKinds) {

    /** How a connector judges the credentials it is given. */
    public enum LoginRule {
        /** Pluggy Bank: user-ok/password-ok, the documented special usernames, anything else INVALID_CREDENTIALS. */
        PLUGGY_BANK,
        /** Pluggy Bank's flows, then one MFA token (123456). */
        MFA_ONE_STEP,
        /** Pluggy Bank's flows, then two MFA prompts (123456 each). */
        MFA_TWO_STEPS,
        /** Open Finance: any well-formed CPF consents. */
        OPEN_FINANCE,
        /** Any non-empty credentials succeed. */
        ANY
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Credential(String label, String name, String type, Boolean mfa, String data, String assistiveText,
            List<Option> options, String validation, String validationMessage, String placeholder, Boolean optional,
            String instructions, Instant expiresAt) {

        public Credential withExpiresAt(Instant when) {
            return new Credential(label, name, type, mfa, data, assistiveText, options, validation, validationMessage,
                    placeholder, optional, instructions, when);
        }
    }

    @RegisterForReflection
    public record Option(String value, String label) {
    }

    @RegisterForReflection
    public record Health(String status, String stage) {
    }

    public Connector withHealth(String status) {
        return new Connector(id, name, institutionUrl, imageUrl, primaryColor, type, country, credentials, hasMFA, oauth,
                new Health(status, health.stage()), isOpenFinance, isSandbox, supportsPaymentInitiation,
                supportsScheduledPayments, supportsSmartTransfers, supportsAutomaticPix, supportsBoletoManagement,
                products, createdAt, Instant.now(), login, accountKinds);
    }
}
