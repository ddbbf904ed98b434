package io.financehub.connection.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.financehub.connection.Connector;
import io.financehub.connection.Item;
import io.financehub.connection.LinkedAccount;
import io.financehub.connection.service.ItemStateService.ItemDetails;
import io.financehub.connection.service.ItemStates;
import io.financehub.connection.service.SyncService.SyncAnswer;
import io.financehub.pluggy.model.ConnectorCredential;
import io.financehub.pluggy.model.CredentialSelectOption;

/** The public API's shapes (snake_case) and their mapping from entities. */
final class Views {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<ConnectorCredential>> CREDENTIALS = new TypeReference<>() {
    };

    private Views() {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record HealthView(String status, String stage) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record OptionView(String value, String label) {
        static OptionView of(CredentialSelectOption o) {
            return new OptionView(o.value(), o.label());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record CredentialView(String label, String name, String type, Boolean mfa, String placeholder,
            String validation, String validationMessage, Boolean optional, String assistiveText,
            List<OptionView> options) {
        static CredentialView of(ConnectorCredential c) {
            return new CredentialView(c.label(), c.name(), c.type(), c.mfa(), c.placeholder(), c.validation(),
                    c.validationMessage(), c.optional(), c.assistiveText(),
                    c.options() == null ? null : c.options().stream().map(OptionView::of).toList());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ConnectorView(int pluggyId, String name, String institutionUrl, String imageUrl, String primaryColor,
            String type, String country, boolean hasMfa, boolean hasOauth, boolean isOpenFinance, boolean isSandbox,
            List<String> products, List<CredentialView> credentials, HealthView health) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record AccountView(String id, String pluggyAccountId, String type, String subtype, String name, String number,
            BigDecimal balance, String currencyCode) {
        static AccountView of(LinkedAccount a) {
            return new AccountView(a.pluggyAccountId, a.pluggyAccountId, a.type, a.subtype, a.name, a.number,
                    a.balance, a.currencyCode);
        }
    }

    /**
     * @param nextAction           what the user must do: NONE, ANSWER_MFA or RECONNECT
     * @param requiresReconnection LOGIN_ERROR, invalid credentials, or an MFA timeout
     * @param reconnectionRequired the same, under the name the spec gives it for the MFA timeout
     * @param canRetry             OUTDATED: the last execution failed but the credentials are fine
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ItemView(UUID id, String pluggyItemId, String status, String executionStatus, String errorCode,
            String errorMessage, @JsonRawValue String statusDetail, Instant lastUpdatedAt, Instant nextAutoSyncAt,
            Instant consentExpiresAt, Instant createdAt, Instant updatedAt, ConnectorView connector,
            List<AccountView> accounts, ItemStates.NextAction nextAction, boolean mfaRequired,
            boolean requiresReconnection, boolean reconnectionRequired, boolean canRetry) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record MfaPromptView(String label, String name, String type, List<OptionView> options, Instant expiresAt,
            String instructions, String assistiveText, String placeholder, String data) {
        static MfaPromptView of(ConnectorCredential c) {
            return new MfaPromptView(c.label(), c.name(), c.type(),
                    c.options() == null ? List.of() : c.options().stream().map(OptionView::of).toList(),
                    c.expiresAt(), c.instructions(), c.assistiveText(), c.placeholder(), c.data());
        }
    }

    /** @param delivery "published" (in Kafka) or "queued" (saved; sent as soon as Kafka takes it) */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record SyncScheduledView(boolean scheduled, UUID requestId, String itemId, String accountId, boolean force,
            LocalDate fromDate, LocalDate toDate, boolean coalesced, String delivery, String message) {
        static SyncScheduledView of(SyncAnswer answer) {
            var s = answer.scheduled();
            String message = s.coalesced() ? "A sync of this item was requested moments ago; this is the same request"
                    : answer.published() ? "Sync requested" : "Sync requested; it is saved and will start as soon as"
                            + " the message broker is reachable";
            return new SyncScheduledView(true, s.requestId(), s.itemId(), s.accountId(), s.force(), s.fromDate(),
                    s.toDate(), s.coalesced(), answer.published() ? "published" : "queued", message);
        }
    }

    static ConnectorView connector(Connector c, ObjectMapper json) {
        if (c == null) {
            return null;
        }
        try {
            List<String> products = c.products == null ? List.of() : json.readValue(c.products, STRINGS);
            List<ConnectorCredential> credentials = c.credentials == null ? List.of()
                    : json.readValue(c.credentials, CREDENTIALS);
            return new ConnectorView(c.pluggyId, c.name, c.institutionUrl, c.imageUrl, c.primaryColor, c.type,
                    c.country, c.hasMfa, c.hasOauth, c.isOpenFinance, c.isSandbox, products,
                    credentials.stream().map(CredentialView::of).toList(),
                    c.healthStatus == null ? null : new HealthView(c.healthStatus, c.healthStage));
        } catch (IOException e) {
            throw new UncheckedIOException("A stored connector could not be read", e);
        }
    }

    static ItemView item(ItemDetails details, ObjectMapper json) {
        Item i = details.item();
        boolean reconnect = ItemStates.requiresReconnection(i);
        return new ItemView(i.id, i.pluggyItemId, i.status, i.executionStatus, i.errorCode, i.errorMessage,
                i.statusDetail, i.lastUpdatedAt, i.nextAutoSyncAt, i.consentExpiresAt, i.createdAt, i.updatedAt,
                connector(details.connector(), json), details.accounts().stream().map(AccountView::of).toList(),
                ItemStates.nextAction(i), ItemStates.mfaPending(i), reconnect, reconnect, ItemStates.canRetry(i));
    }
}
