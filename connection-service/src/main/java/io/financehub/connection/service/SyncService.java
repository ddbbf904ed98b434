package io.financehub.connection.service;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.financehub.connection.Item;
import io.financehub.connection.config.ConnectionConfig;
import io.financehub.connection.messaging.OutboxRelay;
import io.financehub.connection.repository.AccountRepository;
import io.financehub.connection.repository.ItemRepository;
import io.financehub.contracts.events.SyncTrigger;
import io.financehub.support.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * A user's "sync now", for an item or one account. The request is saved to the outbox with the decision, then the
 * relay is given a moment to hand it to Kafka: the answer says which happened, and a request Kafka did not take yet
 * is still safe in the outbox and follows when Kafka is back.
 */
@ApplicationScoped
public class SyncService {

    /** The answer: what was scheduled and whether it already reached Kafka. */
    public record SyncAnswer(SyncRequests.Scheduled scheduled, boolean published) {
    }

    private final ItemRepository items;
    private final AccountRepository accounts;
    private final SyncRequests requests;
    private final OutboxRelay relay;
    private final ConnectionConfig config;

    SyncService(ItemRepository items, AccountRepository accounts, SyncRequests requests, OutboxRelay relay,
            ConnectionConfig config) {
        this.items = items;
        this.accounts = accounts;
        this.requests = requests;
        this.relay = relay;
        this.config = config;
    }

    public Uni<SyncAnswer> syncItem(UUID companyId, String itemId, boolean force, LocalDate from, LocalDate to) {
        validateWindow(from, to);
        return scheduleForItem(companyId, itemId, force, from, to).chain(this::awaitPublished);
    }

    public Uni<SyncAnswer> syncAccount(UUID companyId, String pluggyAccountId, boolean force, LocalDate from,
            LocalDate to) {
        validateWindow(from, to);
        return scheduleForAccount(companyId, pluggyAccountId, force, from, to).chain(this::awaitPublished);
    }

    @WithTransaction
    Uni<SyncRequests.Scheduled> scheduleForItem(UUID companyId, String itemId, boolean force, LocalDate from,
            LocalDate to) {
        return items.findForCompany(companyId, itemId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Item"))
                .chain(item -> {
                    refuseIfBlocked(item);
                    return requests.request(item, null, SyncTrigger.USER, force, from, to, List.of());
                });
    }

    @WithTransaction
    Uni<SyncRequests.Scheduled> scheduleForAccount(UUID companyId, String pluggyAccountId, boolean force,
            LocalDate from, LocalDate to) {
        return accounts.findForCompany(companyId, pluggyAccountId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Account"))
                .chain(account -> items.findById(account.itemId))
                .chain(item -> {
                    if (item == null || item.deletedAt != null) {
                        return Uni.createFrom().failure(ProblemException.notFound("Account"));
                    }
                    refuseIfBlocked(item);
                    return requests.request(item, pluggyAccountId, SyncTrigger.USER, force, from, to, List.of());
                });
    }

    private Uni<SyncAnswer> awaitPublished(SyncRequests.Scheduled scheduled) {
        return relay.awaitPublished(List.of(scheduled.requestId()), config.outbox().publishWait())
                .map(published -> new SyncAnswer(scheduled, published));
    }

    /** A sync cannot help an item that needs the user first: say what they must do instead. */
    static void refuseIfBlocked(Item item) {
        if (ItemStates.AUTHENTICATION_TIMEOUT.equals(item.errorCode)) {
            throw new ProblemException(409, "authentication_timeout", "Conflict",
                    ItemStates.AUTHENTICATION_TIMEOUT_MESSAGE);
        }
        if (ItemStates.mfaPending(item)) {
            throw new ProblemException(409, "mfa_required", "Conflict",
                    "The bank asks for a code: answer the MFA prompt first");
        }
        if (ItemStates.requiresReconnection(item)) {
            throw new ProblemException(409, "requires_reconnection", "Conflict",
                    "Invalid credentials: " + item.status + ". Reconnect the account.");
        }
    }

    static void validateWindow(LocalDate from, LocalDate to) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        if (from != null && to != null && from.isAfter(to)) {
            throw ProblemException.badRequest("invalid_window", "from_date is after to_date");
        }
        if (from != null && from.isAfter(today) || to != null && to.isAfter(today)) {
            throw ProblemException.badRequest("invalid_window", "The window cannot be in the future");
        }
        if (from != null && from.isBefore(LocalDate.of(2000, 1, 1))) {
            throw ProblemException.badRequest("invalid_window", "from_date is too far in the past");
        }
    }
}
