package io.financehub.ledger.messaging;

import io.financehub.contracts.EventEnvelope;
import io.financehub.contracts.events.AccountData;
import io.financehub.contracts.events.AccountsSnapshot;
import io.financehub.contracts.events.BankData;
import io.financehub.contracts.events.CompanyChanged;
import io.financehub.contracts.events.CreditCardMetadata;
import io.financehub.contracts.events.CreditData;
import io.financehub.contracts.events.DocumentNumber;
import io.financehub.contracts.events.ItemRemoved;
import io.financehub.contracts.events.Merchant;
import io.financehub.contracts.events.PaymentData;
import io.financehub.contracts.events.PaymentParticipant;
import io.financehub.contracts.events.TransactionBatch;
import io.financehub.contracts.events.TransactionData;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The event records Jackson reads (from Kafka and pending batches) and writes (jsonb columns), for native images. */
@RegisterForReflection(targets = { EventEnvelope.class, TransactionBatch.class, TransactionData.class, Merchant.class,
        PaymentData.class, PaymentParticipant.class, DocumentNumber.class, CreditCardMetadata.class,
        AccountsSnapshot.class, AccountData.class, BankData.class, CreditData.class, ItemRemoved.class,
        CompanyChanged.class, AccountEventDeserializer.Head.class, TransactionBatchDeserializer.class,
        AccountEventDeserializer.class, CompanyEventDeserializer.class })
final class ContractsReflection {

    private ContractsReflection() {
    }
}
