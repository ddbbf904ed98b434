package io.financehub.ledger.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.financehub.contracts.EventEnvelope;
import io.financehub.contracts.events.AccountsSnapshot;
import io.financehub.contracts.events.ItemRemoved;
import io.financehub.ledger.service.AccountSyncService;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/** banking.accounts → the accounts read model: snapshots and item removals, told apart by the envelope's type. */
@ApplicationScoped
public class AccountEventConsumer {

    private final AccountSyncService accounts;

    AccountEventConsumer(AccountSyncService accounts) {
        this.accounts = accounts;
    }

    @Incoming(Channels.ACCOUNTS)
    @SuppressWarnings("unchecked")
    public Uni<Void> consume(ConsumerRecord<String, EventEnvelope<?>> record) {
        EventEnvelope<?> envelope = record.value();
        if (envelope != null && envelope.payload() instanceof AccountsSnapshot) {
            return Delivery.complete(accounts.applySnapshot((EventEnvelope<AccountsSnapshot>) envelope),
                    "accounts snapshot " + envelope.id());
        }
        if (envelope != null && envelope.payload() instanceof ItemRemoved) {
            return Delivery.complete(accounts.applyRemoval((EventEnvelope<ItemRemoved>) envelope),
                    "item removal " + envelope.id());
        }
        Log.debugf("Skipped record %d@%d of %s: not an account event", record.offset(), record.partition(),
                record.topic());
        return Uni.createFrom().voidItem();
    }
}
