package io.financehub.ledger.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.financehub.contracts.EventEnvelope;
import io.financehub.contracts.EventTypes;
import io.financehub.contracts.events.TransactionBatch;
import io.financehub.ledger.service.TransactionIngestService;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/** banking.transactions → the ledger. The offset is committed once the batch's database transaction committed. */
@ApplicationScoped
public class TransactionBatchConsumer {

    private final TransactionIngestService ingest;

    TransactionBatchConsumer(TransactionIngestService ingest) {
        this.ingest = ingest;
    }

    @Incoming(Channels.TRANSACTIONS)
    public Uni<Void> consume(ConsumerRecord<String, EventEnvelope<TransactionBatch>> record) {
        EventEnvelope<TransactionBatch> envelope = record.value();
        if (envelope == null || !EventTypes.TRANSACTIONS_BATCH.equals(envelope.type()) || envelope.payload() == null
                || envelope.payload().accountId() == null) {
            Log.debugf("Skipped record %d@%d of %s: not a transaction batch", record.offset(), record.partition(),
                    record.topic());
            return Uni.createFrom().voidItem();
        }
        return Delivery.complete(ingest.ingest(envelope), "transaction batch " + envelope.id());
    }
}
