package io.financehub.connection.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.financehub.connection.Item;
import io.financehub.connection.LinkedAccount;
import io.financehub.connection.crypto.MfaVault;
import io.financehub.connection.repository.AccountRepository;
import io.financehub.connection.repository.ItemRepository;
import io.financehub.connection.service.ItemStateService.ItemDetails;
import io.financehub.contracts.events.RemovalMode;
import io.financehub.pluggy.PluggyApiException;
import io.financehub.pluggy.PluggyClient;
import io.financehub.pluggy.model.ConnectorCredential;
import io.financehub.support.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/** A company's items as the API shows them, their removal, and their MFA prompts. */
@ApplicationScoped
public class ItemService {

    private final ItemRepository items;
    private final AccountRepository accounts;
    private final ItemStateService states;
    private final PluggyClient pluggy;
    private final MfaVault mfa;

    ItemService(ItemRepository items, AccountRepository accounts, ItemStateService states, PluggyClient pluggy,
            MfaVault mfa) {
        this.items = items;
        this.accounts = accounts;
        this.states = states;
        this.pluggy = pluggy;
        this.mfa = mfa;
    }

    @WithSession
    public Uni<List<ItemDetails>> list(UUID companyId) {
        return items.listForCompany(companyId).chain(found -> accounts
                .listForItems(found.stream().map(i -> i.id).toList())
                .map(all -> {
                    Map<UUID, List<LinkedAccount>> byItem = all.stream()
                            .collect(Collectors.groupingBy(a -> a.itemId));
                    return found.stream()
                            .map(i -> new ItemDetails(i, i.connector, byItem.getOrDefault(i.id, List.of())))
                            .toList();
                }));
    }

    /** @throws ProblemException 404 for an unknown id and for another company's */
    @WithSession
    public Uni<ItemDetails> get(UUID companyId, String id) {
        return find(companyId, id).chain(item -> accounts.listForItem(item.id)
                .map(linked -> new ItemDetails(item, item.connector, linked)));
    }

    /** Opens its own session through the repository when the caller has none. */
    Uni<Item> find(UUID companyId, String id) {
        return items.findForCompany(companyId, id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Item"));
    }

    /**
     * Deletes the item at Pluggy, then here (publishing what the ledger must do). Pluggy answering 404 means it is
     * already gone there, which is what was asked.
     */
    public Uni<Void> delete(UUID companyId, String id, RemovalMode mode) {
        return find(companyId, id).chain(item -> pluggy.deleteItem(item.pluggyItemId)
                .onFailure(PluggyApiException.class).recoverWithUni(e -> ((PluggyApiException) e).isNotFound()
                        ? Uni.createFrom().voidItem()
                        : Uni.createFrom().failure(e))
                .chain(() -> states.removeForCompany(companyId, item.id, mode)));
    }

    /** The pending MFA prompt, decrypted for its owner. */
    public Uni<ConnectorCredential> mfaPrompt(UUID companyId, String id) {
        return find(companyId, id).map(item -> {
            ConnectorCredential prompt = ItemStates.mfaPending(item) ? mfa.open(item) : null;
            if (prompt == null) {
                throw new ProblemException(404, "mfa_not_pending", "Not Found", "This item is not waiting for MFA");
            }
            return prompt;
        });
    }

    /** Sends the user's answer to Pluggy; the prompt is cleared when Pluggy takes it. */
    public Uni<ItemDetails> answerMfa(UUID companyId, String id, String value) {
        return find(companyId, id).chain(item -> {
            ConnectorCredential prompt = ItemStates.mfaPending(item) ? mfa.open(item) : null;
            if (prompt == null) {
                return Uni.createFrom().failure(new ProblemException(409, "mfa_not_pending", "Conflict",
                        "This item is not waiting for MFA"));
            }
            if (prompt.expiresAt() != null && prompt.expiresAt().isBefore(Instant.now())) {
                return Uni.createFrom().failure(new ProblemException(409, "mfa_expired", "Conflict",
                        "The MFA prompt has expired; reconnect the account"));
            }
            String name = prompt.name() == null ? "token" : prompt.name();
            return pluggy.sendMfa(item.pluggyItemId, Map.of(name, value))
                    .onFailure(PluggyApiException.class).transform(e -> {
                        PluggyApiException api = (PluggyApiException) e;
                        if (api.status() == 400 || api.status() == 409) {
                            Log.infof("Pluggy refused an MFA answer for item %s: %s", item.pluggyItemId,
                                    api.codeDescription());
                            return new ProblemException(409, "mfa_rejected", "Conflict",
                                    "Pluggy did not accept the answer: " + api.codeDescription());
                        }
                        return e;
                    })
                    .chain(updated -> states.mfaAnswered(item.id, updated))
                    .chain(() -> get(companyId, item.id.toString()));
        });
    }
}
