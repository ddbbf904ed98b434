package io.financehub.sync.messaging;

import io.financehub.contracts.EventEnvelope;
import io.financehub.contracts.events.AccountData;
import io.financehub.contracts.events.AccountsSnapshot;
import io.financehub.contracts.events.BankData;
import io.financehub.contracts.events.CreditCardMetadata;
import io.financehub.contracts.events.CreditData;
import io.financehub.contracts.events.DocumentNumber;
import io.financehub.contracts.events.ItemStatusChanged;
import io.financehub.contracts.events.Merchant;
import io.financehub.contracts.events.PaymentData;
import io.financehub.contracts.events.PaymentParticipant;
import io.financehub.contracts.events.SyncRequested;
import io.financehub.contracts.events.TransactionBatch;
import io.financehub.contracts.events.TransactionData;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The event records Jackson reads from and writes to Kafka, for native images. */
@RegisterForReflection(targets = { EventEnvelope.class, SyncRequested.class, ItemStatusChanged.class,
        AccountsSnapshot.class, AccountData.class, BankData.class, CreditData.class, TransactionBatch.class,
        TransactionData.class, Merchant.class, PaymentData.class, PaymentParticipant.class, DocumentNumber.class,
        CreditCardMetadata.class, SyncRequestDeserializer.class })
final class ContractsReflection {

    private ContractsReflection() {
    }
}
