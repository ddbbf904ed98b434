package io.financehub.ledger;

import static io.financehub.ledger.Api.as;
import static io.financehub.ledger.Api.eventually;
import static io.financehub.ledger.LedgerEvents.account;
import static io.financehub.ledger.LedgerEvents.batch;
import static io.financehub.ledger.LedgerEvents.publishBatch;
import static io.financehub.ledger.LedgerEvents.publishSnapshot;
import static io.financehub.ledger.LedgerEvents.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.financehub.contracts.events.TransactionData;
import io.financehub.support.testing.JwtTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Pluggy re-ids a transaction whose description, amount or date changes (a pending charge that posts): the ledger
 * keeps one transaction, with the user's category and notes, and never merges two genuine charges.
 */
@QuarkusTest
@WithTestResource(JwtTestResource.class)
@WithTestResource(ConsumersStartAtTheEnd.class)
class OnePaymentOneTransactionTest {

    private static final Instant DAY = Instant.parse("2025-05-06T03:00:00Z");

    private final UUID company = UUID.randomUUID();
    private final String item = unique("item");
    private final String account = unique("acc");

    private void connect() {
        publishSnapshot(company, item, account(item, account, "Conta", "BANK", "0.00"));
        eventually(() -> as(company).get("/api/banking/accounts/").then().extract().jsonPath().getList("id"),
                hasSize(1));
    }

    private void sync(List<TransactionData> rows, List<String> deleted) {
        publishBatch(batch(company, item, account, rows, deleted));
    }

    private List<Map<String, Object>> transactions() {
        return Api.all(company, "ordering=date");
    }

    private TransactionData pending(String id) {
        return Tx.of(id, account).date(DAY).description("IFOOD *RESTAURANTE SABOR").amount("-52.90")
                .status("PENDING").data();
    }

    private TransactionData posted(String id) {
        return Tx.of(id, account).date(DAY.plusSeconds(86_400)).description("IFOOD RESTAURANTE SABOR SP")
                .amount("-52.90").status("POSTED").updatedAt(DAY.plusSeconds(90_000)).data();
    }

    private String userTouches(String pluggyId, UUID category) {
        String ledgerId = eventually(() -> transactions().stream()
                .filter(t -> pluggyId.equals(t.get("pluggy_transaction_id"))).map(t -> (String) t.get("id"))
                .findFirst().orElse(null), notNullValue());
        as(company).contentType("application/json")
                .body(Map.of("category", category.toString(), "notes", "almoço com cliente"))
                .patch("/api/banking/transactions/" + ledgerId + "/").then().statusCode(200);
        return ledgerId;
    }

    @Test
    void pendingThatPostsUnderANewIdStaysOneTransactionWithTheUsersChoices() {
        connect();
        UUID category = Api.category(company, "Clientes", "expense");
        String oldId = unique("pending");
        String newId = unique("posted");
        sync(List.of(pending(oldId)), List.of());
        String ledgerId = userTouches(oldId, category);

        // Pluggy: transactions/deleted for the old id, transactions/created for the new one, in one sync.
        sync(List.of(posted(newId)), List.of(oldId));
        eventually(() -> transactions().get(0).get("pluggy_transaction_id"), equalTo(newId));
        List<Map<String, Object>> rows = transactions();
        assertEquals(1, rows.size());
        Map<String, Object> t = rows.get(0);
        assertEquals(ledgerId, t.get("id"));
        assertEquals("POSTED", t.get("status"));
        assertEquals(new BigDecimal("-52.90"), t.get("amount"));
        assertEquals(category.toString(), t.get("category_id"));
        assertEquals("user", t.get("category_source"));
        assertEquals("almoço com cliente", t.get("notes"));
        as(company).get("/api/banking/transactions/" + ledgerId + "/").then().statusCode(200)
                .body("replaces", hasSize(1)).body("replaces[0].pluggy_transaction_id", equalTo(oldId))
                .body("replaces[0].replaced_by", equalTo(newId)).body("replaces[0].days_apart", equalTo(1));
        as(company).get("/api/banking/accounts/reconciliation/").then().statusCode(200)
                .body("[0].transactions", equalTo(1));
    }

    @Test
    void theNewIdArrivingBeforeTheOldOneIsDeletedStillEndsAsOne() {
        connect();
        UUID category = Api.category(company, "Clientes", "expense");
        String oldId = unique("pending");
        String newId = unique("posted");
        sync(List.of(pending(oldId)), List.of());
        String ledgerId = userTouches(oldId, category);
        sync(List.of(posted(newId)), List.of());
        eventually(() -> transactions().size(), equalTo(2));
        sync(List.of(), List.of(oldId));
        eventually(() -> transactions().size(), equalTo(1));
        Map<String, Object> t = transactions().get(0);
        assertEquals(ledgerId, t.get("id"));
        assertEquals(newId, t.get("pluggy_transaction_id"));
        assertEquals("almoço com cliente", t.get("notes"));
        assertEquals(category.toString(), t.get("category_id"));
    }

    @Test
    void twoGenuineEqualChargesOnTheSameDayStayTwo() {
        connect();
        String first = unique("t");
        String second = unique("t");
        TransactionData a = Tx.of(first, account).date(DAY).description("UBER TRIP").amount("-23.40").data();
        TransactionData b = Tx.of(second, account).date(DAY).description("UBER TRIP").amount("-23.40").data();
        sync(List.of(a, b), List.of());
        eventually(() -> transactions().size(), equalTo(2));
        // A later sync carries both again, and an unrelated charge is deleted: still two, untouched.
        String unrelated = unique("t");
        sync(List.of(Tx.of(unrelated, account).date(DAY).description("POSTO IPIRANGA").amount("-150.00").data()),
                List.of());
        eventually(() -> transactions().size(), equalTo(3));
        sync(List.of(a, b), List.of(unrelated));
        eventually(() -> transactions().size(), equalTo(2));
        List<String> ids = transactions().stream().map(t -> (String) t.get("pluggy_transaction_id")).sorted().toList();
        assertEquals(List.of(first, second).stream().sorted().toList(), ids);
        transactions().forEach(t -> as(company).get("/api/banking/transactions/" + t.get("id") + "/").then()
                .body("replaces", hasSize(0)));
    }

    @Test
    void aDeletedChargeIsNotMergedWithADifferentOne() {
        connect();
        String voided = unique("t");
        String other = unique("t");
        sync(List.of(Tx.of(voided, account).date(DAY).description("MERCADO LIVRE").amount("-99.00")
                .status("PENDING").data()), List.of());
        eventually(() -> transactions().size(), equalTo(1));
        String voidedLedgerId = (String) transactions().get(0).get("id");
        // Same day, but another amount and another shop: a new charge, not the old one posting.
        sync(List.of(Tx.of(other, account).date(DAY).description("FARMACIA SAO PAULO").amount("-45.00").data()),
                List.of(voided));
        eventually(() -> transactions().get(0).get("pluggy_transaction_id"), equalTo(other));
        assertEquals(1, transactions().size());
        assertNotEquals(voidedLedgerId, transactions().get(0).get("id"));
    }
}
