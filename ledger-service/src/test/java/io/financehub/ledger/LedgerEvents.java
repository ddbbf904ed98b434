package io.financehub.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.financehub.contracts.EventEnvelope;
import io.financehub.contracts.EventTypes;
import io.financehub.contracts.Topics;
import io.financehub.contracts.events.AccountData;
import io.financehub.contracts.events.AccountsSnapshot;
import io.financehub.contracts.events.BankData;
import io.financehub.contracts.events.CompanyChange;
import io.financehub.contracts.events.CompanyChanged;
import io.financehub.contracts.events.ItemRemoved;
import io.financehub.contracts.events.Merchant;
import io.financehub.contracts.events.Plan;
import io.financehub.contracts.events.RemovalMode;
import io.financehub.contracts.events.TransactionBatch;
import io.financehub.contracts.events.TransactionData;
import io.quarkus.arc.Arc;

/** Publishes events to the real topics the way their producers do, with a plain producer and unique ids. */
final class LedgerEvents {

    private static KafkaProducer<String, byte[]> producer;

    private LedgerEvents() {
    }

    static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            String servers = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    static void send(String topic, String key, byte[] value) {
        try {
            producer().send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not publish to " + topic, e);
        }
    }

    static void send(String topic, String key, EventEnvelope<?> envelope) {
        try {
            send(topic, key, Arc.container().instance(ObjectMapper.class).get().writeValueAsBytes(envelope));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static EventEnvelope<AccountsSnapshot> snapshot(UUID company, String itemId, Instant observedAt,
            AccountData... accounts) {
        return EventEnvelope.of(EventTypes.ACCOUNTS_SNAPSHOT, company,
                new AccountsSnapshot(itemId, "Banco Sandbox", List.of(accounts), observedAt));
    }

    static void publishSnapshot(UUID company, String itemId, AccountData... accounts) {
        send(Topics.ACCOUNTS, itemId, snapshot(company, itemId, Instant.now(), accounts));
    }

    static AccountData account(String itemId, String pluggyAccountId, String name, String type, String balance) {
        return new AccountData(pluggyAccountId, itemId, type, "BANK".equals(type) ? "CHECKING_ACCOUNT" : "CREDIT_CARD",
                name, null, "0001/12345-6", "Maria Souza", null, new BigDecimal(balance), "BRL", Instant.now(),
                "BANK".equals(type) ? new BankData("0001/12345-6", new BigDecimal("1500.10"), null, null, null, null)
                        : null,
                null);
    }

    static EventEnvelope<TransactionBatch> batch(UUID company, String itemId, String accountId,
            List<TransactionData> upserts, List<String> deletedIds) {
        return EventEnvelope.of(EventTypes.TRANSACTIONS_BATCH, company,
                new TransactionBatch(itemId, accountId, UUID.randomUUID(), 1, upserts, deletedIds));
    }

    static void publishBatch(EventEnvelope<TransactionBatch> batch) {
        send(Topics.TRANSACTIONS, batch.payload().accountId(), batch);
    }

    static void publishCompany(UUID company, Plan plan, Long limit, CompanyChange change, Instant at) {
        String type = change == CompanyChange.CREATED ? EventTypes.COMPANY_CREATED
                : change == CompanyChange.PLAN_CHANGED ? EventTypes.COMPANY_PLAN_CHANGED : EventTypes.COMPANY_UPDATED;
        send(Topics.COMPANIES, company.toString(), EventEnvelope.of(type, company,
                new CompanyChanged(company, "Padaria Pão Quente", plan, limit, change, at)));
    }

    static void publishRemoval(UUID company, String itemId, RemovalMode mode, String... accountIds) {
        send(Topics.ACCOUNTS, itemId, EventEnvelope.of(EventTypes.ITEM_REMOVED, company,
                new ItemRemoved(itemId, List.of(accountIds), mode, Instant.now())));
    }

    static TransactionData tx(String id, String accountId, Instant date, String description, String type,
            String amount, String status, String merchantName, Instant updatedAt) {
        Merchant merchant = merchantName == null ? null : new Merchant(merchantName, merchantName + " Ltda", null,
                null, null);
        return new TransactionData(id, accountId, date, description, description, type, new BigDecimal(amount),
                null, null, "BRL", "Groceries", "01010000", status, null, null, null, null, null, merchant,
                updatedAt, updatedAt);
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }
}
