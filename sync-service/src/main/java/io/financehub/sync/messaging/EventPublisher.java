package io.financehub.sync.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

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
 *
 * <p>banking.transactions takes the record's bytes: upsert batches come already written by
 * {@link TransactionBatchEncoder}, deletion batches are written here by the service's ObjectMapper, as the other
 * channels' serializer does.
 */
@ApplicationScoped
public class EventPublisher {

    private final MutinyEmitter<EventEnvelope<ItemStatusChanged>> status;
    private final MutinyEmitter<EventEnvelope<AccountsSnapshot>> accounts;
    private final MutinyEmitter<byte[]> transactions;
    private final ObjectMapper json;

    EventPublisher(@Channel(Channels.ITEM_STATUS) MutinyEmitter<EventEnvelope<ItemStatusChanged>> status,
            @Channel(Channels.ACCOUNTS) MutinyEmitter<EventEnvelope<AccountsSnapshot>> accounts,
            @Channel(Channels.TRANSACTIONS) MutinyEmitter<byte[]> transactions, ObjectMapper json) {
        this.status = status;
        this.accounts = accounts;
        this.transactions = transactions;
        this.json = json;
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
        return Uni.createFrom().deferred(() -> {
            byte[] value;
            try {
                value = json.writeValueAsBytes(event);
            } catch (JsonProcessingException e) {
                return Uni.createFrom().failure(e);
            }
            return transactions(event.payload().accountId(), value);
        });
    }

    /** A batch already written ({@link TransactionBatchEncoder#upserts}); key: its accountId. */
    public Uni<Void> transactions(String accountId, byte[] batch) {
        return send(transactions, accountId, batch);
    }

    private static <T> Uni<Void> send(MutinyEmitter<T> emitter, String key, T event) {
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
