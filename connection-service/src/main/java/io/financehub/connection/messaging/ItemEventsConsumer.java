package io.financehub.connection.messaging;

import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.financehub.connection.repository.ItemRepository;
import io.financehub.connection.service.ItemStateService;
import io.financehub.connection.service.ItemStates;
import io.financehub.contracts.EventEnvelope;
import io.financehub.contracts.EventTypes;
import io.financehub.contracts.events.ItemStatusChanged;
import io.financehub.contracts.events.PluggyWebhookReceived;
import io.financehub.contracts.events.SyncTrigger;
import io.financehub.pluggy.PluggyApiException;
import io.financehub.pluggy.PluggyClient;
import io.financehub.pluggy.model.ConnectorCredential;
import io.financehub.support.ProblemException;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Item state from Kafka: Pluggy's webhooks (pluggy.webhook-events) and what sync-service saw (banking.item-status).
 *
 * <p>Offsets are committed only after an event is applied (the method's Uni completes). An event this service cannot
 * use (another type, unreadable, no item) is acknowledged and skipped; an event that fails to apply is retried with
 * backoff, then logged and skipped so one poison event never blocks its partition.
 */
@ApplicationScoped
public class ItemEventsConsumer {

    private static final int ATTEMPTS = 6;

    private final ItemStateService states;
    private final ItemRepository items;
    private final PluggyClient pluggy;

    ItemEventsConsumer(ItemStateService states, ItemRepository items, PluggyClient pluggy) {
        this.states = states;
        this.items = items;
        this.pluggy = pluggy;
    }

    @Incoming(Channels.WEBHOOK_EVENTS_IN)
    public Uni<Void> onWebhook(EventEnvelope<PluggyWebhookReceived> envelope) {
        if (envelope == null || !EventTypes.WEBHOOK_RECEIVED.equals(envelope.type()) || envelope.payload() == null
                || envelope.payload().itemId() == null || envelope.payload().event() == null) {
            return Uni.createFrom().voidItem();
        }
        PluggyWebhookReceived event = envelope.payload();
        return Uni.createFrom().deferred(() -> adoptIfCreated(event)
                .chain(() -> "item/waiting_user_input".equals(event.event()) ? prompt(event.itemId())
                        : Uni.createFrom().nullItem())
                .chain(prompt -> states.applyWebhook(envelope, prompt)))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(ATTEMPTS)
                .onFailure().recoverWithUni(e -> skip(envelope.id(), event.event(), e));
    }

    @Incoming(Channels.ITEM_STATUS_IN)
    public Uni<Void> onItemStatus(EventEnvelope<ItemStatusChanged> envelope) {
        if (envelope == null || !EventTypes.ITEM_STATUS_CHANGED.equals(envelope.type()) || envelope.payload() == null
                || envelope.payload().itemId() == null) {
            return Uni.createFrom().voidItem();
        }
        ItemStatusChanged event = envelope.payload();
        boolean needsPrompt = event.mfaRequired() || ItemStates.WAITING_USER_INPUT.equals(event.status());
        return Uni.createFrom().deferred(() -> (needsPrompt ? prompt(event.itemId()) : Uni.createFrom()
                .<ConnectorCredential>nullItem())
                .chain(prompt -> states.applyStatus(envelope, prompt)))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(ATTEMPTS)
                .onFailure().recoverWithUni(e -> skip(envelope.id(), event.status(), e));
    }

    /**
     * item/created for an item not linked here: the user closed the browser before the callback. Pluggy's item says
     * which company it was created for (our connect token set clientUserId), so it is linked as the callback would.
     */
    private Uni<Void> adoptIfCreated(PluggyWebhookReceived event) {
        if (!"item/created".equals(event.event())) {
            return Uni.createFrom().voidItem();
        }
        return items.findByPluggyId(event.itemId()).chain(known -> {
            if (known != null) {
                return Uni.createFrom().voidItem();
            }
            return pluggy.item(event.itemId()).chain(item -> {
                UUID company = companyOf(item.clientUserId());
                if (company == null) {
                    Log.infof("Item %s was not created through our connect tokens; not adopted", event.itemId());
                    return Uni.createFrom().voidItem();
                }
                return pluggy.accounts(item.id())
                        .chain(accounts -> states.link(company, item, accounts, SyncTrigger.WEBHOOK))
                        .replaceWithVoid()
                        // Linked to another company here already: nothing to adopt.
                        .onFailure(ProblemException.class).recoverWithNull();
            }).onFailure(PluggyApiException.class).recoverWithUni(e -> {
                if (((PluggyApiException) e).isNotFound()) {
                    return Uni.createFrom().voidItem();
                }
                return Uni.createFrom().failure(e);
            });
        });
    }

    /** The MFA prompt as Pluggy holds it now (webhooks do not carry it); null if the item no longer waits. */
    private Uni<ConnectorCredential> prompt(String pluggyItemId) {
        return pluggy.item(pluggyItemId)
                .map(item -> ItemStates.WAITING_USER_INPUT.equals(item.status()) ? item.parameter() : null)
                .onFailure(PluggyApiException.class).recoverWithItem(e -> {
                    Log.infof("Item %s could not be read for its MFA prompt: %s", pluggyItemId, e.getMessage());
                    return null;
                });
    }

    private static Uni<Void> skip(UUID eventId, String what, Throwable failure) {
        Log.errorf(failure, "Event %s (%s) could not be applied after %d attempts; skipped", eventId, what, ATTEMPTS);
        return Uni.createFrom().voidItem();
    }

    private static UUID companyOf(String clientUserId) {
        try {
            return clientUserId == null ? null : UUID.fromString(clientUserId);
        } catch (IllegalArgumentException notOurs) {
            return null;
        }
    }
}
