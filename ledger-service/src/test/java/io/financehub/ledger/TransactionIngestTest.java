package io.financehub.ledger;

import static io.financehub.ledger.Api.as;
import static io.financehub.ledger.Api.eventually;
import static io.financehub.ledger.LedgerEvents.account;
import static io.financehub.ledger.LedgerEvents.batch;
import static io.financehub.ledger.LedgerEvents.publishBatch;
import static io.financehub.ledger.LedgerEvents.publishRemoval;
import static io.financehub.ledger.LedgerEvents.publishSnapshot;
import static io.financehub.ledger.LedgerEvents.tx;
import static io.financehub.ledger.LedgerEvents.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.financehub.contracts.EventEnvelope;
import io.financehub.contracts.Topics;
import io.financehub.contracts.events.RemovalMode;
import io.financehub.contracts.events.TransactionBatch;
import io.financehub.contracts.events.TransactionData;
import io.financehub.support.testing.JwtTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** banking.accounts and banking.transactions through the real broker into the real database. */
@QuarkusTest
@WithTestResource(JwtTestResource.class)
@WithTestResource(ConsumersStartAtTheEnd.class)
class TransactionIngestTest {

    private static final Instant T0 = Instant.parse("2025-03-10T03:00:00Z");

    @Inject
    Pool pool;

    private final UUID company = UUID.randomUUID();
    private final String item = unique("item");
    private final String accountId = unique("acc");

    private void connectAccount() {
        publishSnapshot(company, item, account(item, accountId, "Conta Corrente", "BANK", "1234.56"));
        eventually(() -> as(company).get("/api/banking/accounts/").then().extract().jsonPath().getList("id"),
                hasSize(1));
    }

    private List<Map<String, Object>> transactions() {
        return Api.all(company, "ordering=date");
    }

    private long stored(String pluggyId) {
        return pool.preparedQuery("SELECT count(*) FROM transactions WHERE pluggy_transaction_id = $1")
                .execute(Tuple.of(pluggyId)).await().indefinitely().iterator().next().getLong(0);
    }

    @Test
    void replayedBatchLeavesSameState() {
        connectAccount();
        List<TransactionData> rows = List.of(
                tx(unique("t"), accountId, T0, "PIX RECEBIDO JOAO", "CREDIT", "100.10", "POSTED", null, T0),
                tx(unique("t"), accountId, T0.plusSeconds(86_400), "COMPRA PAO DE ACUCAR", "DEBIT", "-45.35",
                        "POSTED", "Pão de Açúcar", T0),
                tx(unique("t"), accountId, T0.plusSeconds(172_800), "TARIFA", "DEBIT", "-12.00", "PENDING", null, T0));
        EventEnvelope<TransactionBatch> first = batch(company, item, accountId, rows, List.of());
        publishBatch(first);
        eventually(() -> transactions().size(), is(3));
        List<Map<String, Object>> before = transactions();

        publishBatch(first);                                                // the same event again
        publishBatch(batch(company, item, accountId, rows, List.of()));     // the same content, a new event
        String marker = unique("t");
        publishBatch(batch(company, item, accountId,
                List.of(tx(marker, accountId, T0.minusSeconds(86_400), "MARCADOR", "CREDIT", "0.01", "POSTED", null,
                        T0)),
                List.of()));
        eventually(() -> stored(marker), is(1L));

        List<Map<String, Object>> after = transactions().stream()
                .filter(t -> !marker.equals(t.get("pluggy_transaction_id"))).toList();
        assertEquals(before, after, "replays change nothing, not even updated_at");
        as(company).get("/api/banking/usage/").then().statusCode(200).body("transactions_used", equalTo(4));
        BigDecimal sum = after.stream().map(t -> (BigDecimal) t.get("amount")).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        assertEquals(new BigDecimal("42.75"), sum);
    }

    @Test
    void olderVersionArrivingLateNeverOverwritesNewer() {
        connectAccount();
        String id = unique("t");
        Instant v1 = T0;
        Instant v2 = T0.plusSeconds(3_600);
        publishBatch(batch(company, item, accountId,
                List.of(tx(id, accountId, T0, "COMPRA POSTO", "DEBIT", "-80.00", "POSTED", null, v2)), List.of()));
        eventually(() -> stored(id), is(1L));
        publishBatch(batch(company, item, accountId,
                List.of(tx(id, accountId, T0, "COMPRA POSTO (PENDENTE)", "DEBIT", "-70.00", "PENDING", null, v1)),
                List.of()));
        String marker = unique("t");
        publishBatch(batch(company, item, accountId,
                List.of(tx(marker, accountId, T0, "MARCADOR", "CREDIT", "1.00", "POSTED", null, v1)), List.of()));
        eventually(() -> stored(marker), is(1L));

        Map<String, Object> row = transactions().stream().filter(t -> id.equals(t.get("pluggy_transaction_id")))
                .findFirst().orElseThrow();
        assertEquals(new BigDecimal("-80.00"), row.get("amount"));
        assertEquals("POSTED", row.get("status"));
        assertEquals("COMPRA POSTO", row.get("description"));
    }

    @Test
    void deleteBeforeCreateKeepsTheTransactionDeleted() {
        connectAccount();
        String id = unique("t");
        publishBatch(batch(company, item, accountId, List.of(), List.of(id)));
        publishBatch(batch(company, item, accountId,
                List.of(tx(id, accountId, T0, "ESTORNADA", "DEBIT", "-10.00", "POSTED", null, T0)), List.of()));
        String marker = unique("t");
        publishBatch(batch(company, item, accountId,
                List.of(tx(marker, accountId, T0, "MARCADOR", "CREDIT", "1.00", "POSTED", null, T0)), List.of()));
        eventually(() -> stored(marker), is(1L));
        assertEquals(0L, stored(id));
    }

    @Test
    void deletionRemovesAStoredTransaction() {
        connectAccount();
        String keep = unique("t");
        String drop = unique("t");
        publishBatch(batch(company, item, accountId, List.of(
                tx(keep, accountId, T0, "FICA", "DEBIT", "-10.00", "POSTED", null, T0),
                tx(drop, accountId, T0, "SAI", "DEBIT", "-20.00", "POSTED", null, T0)), List.of()));
        eventually(() -> transactions().size(), is(2));
        publishBatch(batch(company, item, accountId, List.of(), List.of(drop)));
        eventually(() -> stored(drop), is(0L));
        assertEquals(List.of(keep), transactions().stream().map(t -> t.get("pluggy_transaction_id")).toList());
    }

    @Test
    void batchForAnUnknownAccountIsAppliedWhenTheAccountArrives() {
        String id = unique("t");
        publishBatch(batch(company, item, accountId,
                List.of(tx(id, accountId, T0, "ANTES DA CONTA", "CREDIT", "55.55", "POSTED", null, T0)), List.of()));
        eventually(() -> pool.preparedQuery("SELECT count(*) FROM pending_batches WHERE pluggy_account_id = $1")
                .execute(Tuple.of(accountId)).await().indefinitely().iterator().next().getLong(0), is(1L));

        connectAccount();
        eventually(() -> stored(id), is(1L));
        Map<String, Object> row = transactions().get(0);
        assertEquals(new BigDecimal("55.55"), row.get("amount"));
        assertEquals(as(company).get("/api/banking/accounts/").jsonPath().getString("[0].id"), row.get("account_id"));
    }

    @Test
    void syncNeverOverwritesWhatTheUserSet() {
        connectAccount();
        String id = unique("t");
        publishBatch(batch(company, item, accountId,
                List.of(tx(id, accountId, T0, "COMPRA", "DEBIT", "-30.00", "PENDING", null, T0)), List.of()));
        eventually(() -> stored(id), is(1L));
        String ledgerId = transactions().get(0).get("id").toString();
        UUID category = Api.category(company, "Almoços", "expense");
        as(company).contentType("application/json")
                .body(Map.of("notes", "almoço com cliente", "category", category.toString()))
                .patch("/api/banking/transactions/" + ledgerId + "/")
                .then().statusCode(200).body("notes", equalTo("almoço com cliente"))
                .body("category_id", equalTo(category.toString()));

        publishBatch(batch(company, item, accountId,
                List.of(tx(id, accountId, T0, "COMPRA RESTAURANTE", "DEBIT", "-31.50", "POSTED", null,
                        T0.plusSeconds(60))),
                List.of()));
        eventually(() -> transactions().get(0).get("status"), equalTo("POSTED"));
        Map<String, Object> row = transactions().get(0);
        assertEquals("COMPRA RESTAURANTE", row.get("description"));
        assertEquals(new BigDecimal("-31.50"), row.get("amount"));
        assertEquals("almoço com cliente", row.get("notes"));
        assertEquals(category.toString(), row.get("category_id"));
    }

    @Test
    void unreadableRecordsAndForeignTypesDoNotBlockThePartition() {
        connectAccount();
        LedgerEvents.send(Topics.TRANSACTIONS, accountId, "{not json".getBytes(StandardCharsets.UTF_8));
        LedgerEvents.send(Topics.TRANSACTIONS, accountId,
                "{\"id\":\"6d1f6c1e-8f4e-4a57-9a51-0a0c1f8e9b10\",\"type\":\"something.else\",\"version\":1,\"occurredAt\":\"2025-01-01T00:00:00Z\",\"payload\":{}}"
                        .getBytes(StandardCharsets.UTF_8));
        LedgerEvents.send(Topics.ACCOUNTS, item, "[]".getBytes(StandardCharsets.UTF_8));
        String id = unique("t");
        publishBatch(batch(company, item, accountId,
                List.of(tx(id, accountId, T0, "DEPOIS DO LIXO", "CREDIT", "5.00", "POSTED", null, T0),
                        tx(null, accountId, T0, "SEM ID", "CREDIT", "6.00", "POSTED", null, T0)),
                List.of()));
        eventually(() -> stored(id), is(1L));
        assertEquals(1, transactions().size());
    }

    @Test
    void removedItemInDeleteModeErasesItsAccountsAndTransactions() {
        connectAccount();
        String id = unique("t");
        publishBatch(batch(company, item, accountId,
                List.of(tx(id, accountId, T0, "COMPRA", "DEBIT", "-30.00", "POSTED", null, T0)), List.of()));
        eventually(() -> stored(id), is(1L));
        String ledgerAccount = as(company).get("/api/banking/accounts/").jsonPath().getString("[0].id");

        publishRemoval(company, item, RemovalMode.DELETE, accountId);
        eventually(() -> stored(id), is(0L));
        as(company).get("/api/banking/accounts/" + ledgerAccount + "/").then().statusCode(404);
        as(company).get("/api/banking/accounts/").then().statusCode(200).body("$", hasSize(0));

        publishSnapshot(company, item, account(item, accountId, "Conta Corrente", "BANK", "1.00"));
        publishBatch(batch(company, item, accountId,
                List.of(tx(id, accountId, T0, "COMPRA", "DEBIT", "-30.00", "POSTED", null, T0)), List.of()));
        String other = unique("acc");
        publishSnapshot(company, unique("item"), account(item, other, "Outra", "BANK", "1.00"));
        eventually(() -> as(company).get("/api/banking/accounts/").jsonPath().getList("id"), hasSize(1));
        assertEquals(0L, stored(id), "a removed item stays removed");
    }

    @Test
    void accountShowsDisplayNameMaskedNumberAndExactBalances() {
        publishSnapshot(company, item, account(item, accountId, null, "BANK", "1234.50"));
        eventually(() -> as(company).get("/api/banking/accounts/").jsonPath().getList("id"), hasSize(1));
        as(company).get("/api/banking/accounts/").then().statusCode(200)
                .body("[0].display_name", equalTo("Banco Sandbox - ****3456"))
                .body("[0].number", equalTo("****3456"))
                .body("[0].balance", equalTo(new BigDecimal("1234.50")))
                .body("[0].bank_data.closing_balance", equalTo(new BigDecimal("1500.10")))
                .body("[0].pluggy_account_id", equalTo(accountId))
                .body("[0].item_id", equalTo(item))
                .body("[0].is_active", equalTo(true));
        as(company).get("/api/banking/accounts/?type=CREDIT").then().statusCode(200).body("$", hasSize(0));
        as(company).get("/api/banking/accounts/?is_active=false").then().statusCode(200).body("$", hasSize(0));
        as(company).get("/api/banking/accounts/?type=BANK&is_active=true").then().statusCode(200).body("$", hasSize(1));
        as(company).get("/api/banking/accounts/?type=SAVINGS").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("type"));
    }
}
