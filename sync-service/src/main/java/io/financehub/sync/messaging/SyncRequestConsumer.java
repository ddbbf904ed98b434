package io.financehub.sync.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.financehub.contracts.EventEnvelope;
import io.financehub.contracts.EventTypes;
import io.financehub.contracts.events.SyncRequested;
import io.financehub.sync.service.ItemSync;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * banking.sync-requests → a sync. The record is acknowledged when its sync is over; the throttled commit strategy
 * commits an offset only once every record before it is acknowledged. A failed Uni sends the record to
 * banking.sync-requests.dlq and the partition moves on.
 *
 * <p>Requests are keyed by itemId, and one partition is consumed by one consumer that handles its records one at a
 * time, so an item is never synced twice at once, with no lock; the channel's {@code concurrency} runs that many
 * consumers, hence that many items, in parallel.
 */
@ApplicationScoped
public class SyncRequestConsumer {

    private final ItemSync sync;

    SyncRequestConsumer(ItemSync sync) {
        this.sync = sync;
    }

    @Incoming(Channels.SYNC_REQUESTS)
    public Uni<Void> consume(ConsumerRecord<String, EventEnvelope<SyncRequested>> record) {
        EventEnvelope<SyncRequested> envelope = record.value();
        if (envelope == null) {
            return Uni.createFrom().failure(new UnreadableRequestException(
                    "Record " + record.partition() + "@" + record.offset() + " is not a readable event envelope"));
        }
        if (!EventTypes.SYNC_REQUESTED.equals(envelope.type())) {
            Log.debugf("Skipped %s event %s on %s: not a sync request", envelope.type(), envelope.id(), record.topic());
            return Uni.createFrom().voidItem();
        }
        SyncRequested request = envelope.payload();
        if (request == null || request.itemId() == null || request.itemId().isBlank() || envelope.companyId() == null) {
            return Uni.createFrom().failure(new UnreadableRequestException(
                    "Sync request " + envelope.id() + " names no item or no company"));
        }
        return sync.handle(envelope);
    }

    /** A record this consumer can never process: it goes straight to the dead-letter topic. */
    static final class UnreadableRequestException extends RuntimeException {
        UnreadableRequestException(String message) {
            super(message, null, false, false);
        }
    }
}
