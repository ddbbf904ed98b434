package io.financehub.sync.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.financehub.contracts.EventEnvelope;
import io.financehub.contracts.events.AccountsSnapshot;
import io.financehub.contracts.events.ItemStatusChanged;
import io.financehub.contracts.events.TransactionBatch;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Publishes sync-service's events. Each Uni completes when the broker has acknowledged the record (idempotent
 * producer, acks=all), back on the caller's Vert.x context, so the caller may then advance a cursor in its database
 * session: nothing is recorded as done before Kafka has it.
 */
@ApplicationScoped
public class EventPublisher {

    private final MutinyEmitter<EventEnvelope<ItemStatusChanged>> status;
    private final MutinyEmitter<EventEnvelope<AccountsSnapshot>> accounts;
    private final MutinyEmitter<EventEnvelope<TransactionBatch>> transactions;

    EventPublisher(@Channel(Channels.ITEM_STATUS) MutinyEmitter<EventEnvelope<ItemStatusChanged>> status,
            @Channel(Channels.ACCOUNTS) MutinyEmitter<EventEnvelope<AccountsSnapshot>> accounts,
            @Channel(Channels.TRANSACTIONS) MutinyEmitter<EventEnvelope<TransactionBatch>> transactions) {
        this.status = status;
        this.accounts = accounts;
        this.transactions = transactions;
    }

    /** Key: itemId. */
    public Uni<Void> itemStatus(EventEnvelope<ItemStatusChanged> event) {
        return send(status, event.payload().itemId(), event);
    }

    /** Key: itemId. */
    public Uni<Void> accounts(EventEnvelope<AccountsSnapshot> event) {
        return send(accounts, event.payload().itemId(), event);
    }

    /** Key: accountId, so one account's batches stay in order. */
    public Uni<Void> transactions(EventEnvelope<TransactionBatch> event) {
        return send(transactions, event.payload().accountId(), event);
    }

    private static <T> Uni<Void> send(MutinyEmitter<EventEnvelope<T>> emitter, String key, EventEnvelope<T> event) {
        return Uni.createFrom().deferred(() -> {
            Context caller = Vertx.currentContext();
            Uni<Void> acknowledged = emitter.sendMessage(Message.of(event)
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build()));
            // The acknowledgement arrives on the producer's I/O thread; the caller's database session is not there.
            return caller == null ? acknowledged
                    : acknowledged.emitOn(task -> caller.runOnContext(ignored -> task.run()));
        });
    }
}
