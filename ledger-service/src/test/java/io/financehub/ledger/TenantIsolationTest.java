package io.financehub.ledger;

import static io.financehub.ledger.Api.as;
import static io.financehub.ledger.Api.eventually;
import static io.financehub.ledger.LedgerEvents.account;
import static io.financehub.ledger.LedgerEvents.batch;
import static io.financehub.ledger.LedgerEvents.publishBatch;
import static io.financehub.ledger.LedgerEvents.publishSnapshot;
import static io.financehub.ledger.LedgerEvents.tx;
import static io.financehub.ledger.LedgerEvents.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.financehub.support.testing.JwtTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Company B's token sees nothing of company A, on every endpoint, and changes nothing of it. */
@QuarkusTest
@WithTestResource(JwtTestResource.class)
@WithTestResource(ConsumersStartAtTheEnd.class)
class TenantIsolationTest {

    private static final Instant T0 = Instant.parse("2025-05-02T03:00:00Z");

    @Test
    void anotherCompanysIdsAnswer404AndItsDataNeverShows() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        String itemA = unique("item");
        String accA = unique("acc");
        String itemB = unique("item");
        String accB = unique("acc");
        publishSnapshot(a, itemA, account(itemA, accA, "Conta A", "BANK", "10.00"));
        publishSnapshot(b, itemB, account(itemB, accB, "Conta B", "BANK", "20.00"));
        publishBatch(batch(a, itemA, accA, List.of(
                tx(unique("t"), accA, T0, "PIX SEGREDO DE A", "CREDIT", "700.00", "POSTED", null, T0),
                tx(unique("t"), accA, T0, "OUTRO SEGREDO DE A", "DEBIT", "-1.00", "POSTED", null, T0)), List.of()));
        String ownId = unique("t");
        publishBatch(batch(b, itemB, accB, List.of(
                tx(ownId, accB, T0, "PIX DE B", "CREDIT", "5.00", "POSTED", null, T0)), List.of()));
        eventually(() -> Api.all(a, "").size(), equalTo(2));
        eventually(() -> Api.all(b, "").size(), equalTo(1));
        String accountA = as(a).get("/api/banking/accounts/").jsonPath().getString("[0].id");
        List<String> idsA = Api.all(a, "").stream().map(t -> (String) t.get("id")).toList();
        String idB = (String) Api.all(b, "").get(0).get("id");

        as(b).get("/api/banking/accounts/").then().statusCode(200).body("$", hasSize(1))
                .body("[0].name", equalTo("Conta B"));
        as(b).get("/api/banking/accounts/" + accountA + "/").then().statusCode(404)
                .contentType("application/problem+json");
        as(b).get("/api/banking/transactions/?account_id=" + accountA).then().statusCode(200)
                .body("results", hasSize(0));
        as(b).get("/api/banking/transactions/?search=segredo&count=true").then().statusCode(200)
                .body("results", hasSize(0)).body("count", equalTo(0));
        as(b).get("/api/banking/transactions/" + idsA.get(0) + "/").then().statusCode(404)
                .contentType("application/problem+json");
        as(b).contentType("application/json").body(Map.of("notes", "intruso"))
                .patch("/api/banking/transactions/" + idsA.get(0) + "/").then().statusCode(404);
        as(a).get("/api/banking/transactions/" + idsA.get(0) + "/").then().statusCode(200)
                .body("notes", nullValue());
        as(b).get("/api/banking/usage/").then().statusCode(200).body("transactions_used", equalTo(1));
        as(a).get("/api/banking/usage/").then().statusCode(200).body("transactions_used", equalTo(2));

        // Bulk categorize with one foreign id among the caller's own: all or nothing.
        UUID category = Api.category(b, "Fornecedores", "expense");
        String categoryOfB = as(b).get("/api/banking/transactions/" + idB + "/").jsonPath().getString("category_id");
        String categoryOfA = as(a).get("/api/banking/transactions/" + idsA.get(1) + "/").jsonPath()
                .getString("category_id");
        as(b).contentType("application/json")
                .body(Map.of("transaction_ids", List.of(idB, idsA.get(1)), "category_id", category.toString()))
                .post("/api/banking/transactions/bulk-categorize/").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("not_found"));
        as(b).get("/api/banking/transactions/" + idB + "/").then().statusCode(200)
                .body("category_id", equalTo(categoryOfB)).body("category_source", not(equalTo("user")));
        as(a).get("/api/banking/transactions/" + idsA.get(1) + "/").then().statusCode(200)
                .body("category_id", equalTo(categoryOfA)).body("category_source", not(equalTo("user")));
        as(b).contentType("application/json")
                .body(Map.of("transaction_ids", List.of(idB), "category_id", category.toString()))
                .post("/api/banking/transactions/bulk-categorize/").then().statusCode(200).body("updated", equalTo(1));
        as(b).get("/api/banking/transactions/?category_id=" + category).then().body("results", hasSize(1))
                .body("results[0].id", equalTo(idB));
    }

    @Test
    void anotherCompanysRulesCategoriesTransfersAndFiguresStayOutOfReach() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        String itemA = unique("item");
        String accA = unique("acc");
        String itemB = unique("item");
        String accB = unique("acc");
        publishSnapshot(a, itemA, account(itemA, accA, "Conta A", "BANK", "10.00"));
        publishSnapshot(b, itemB, account(itemB, accB, "Conta B", "BANK", "20.00"));
        publishBatch(batch(a, itemA, accA, List.of(
                tx(unique("t"), accA, T0, "PIX PARA FORNECEDOR", "DEBIT", "-300.00", "POSTED", null, T0)), List.of()));
        publishBatch(batch(b, itemB, accB, List.of(
                tx(unique("t"), accB, T0, "PIX DO FORNECEDOR", "CREDIT", "300.00", "POSTED", null, T0)), List.of()));
        eventually(() -> Api.all(a, "").size(), equalTo(1));
        eventually(() -> Api.all(b, "").size(), equalTo(1));
        String txA = (String) Api.all(a, "").get(0).get("id");
        String txB = (String) Api.all(b, "").get(0).get("id");
        String categoryOfA = (String) Api.all(a, "").get(0).get("category_id");
        String categoryOfB = (String) Api.all(b, "").get(0).get("category_id");
        UUID ownCategoryA = Api.category(a, "Fornecedores", "expense");
        String ruleA = as(a).contentType("application/json")
                .body(Map.of("description_contains", "pix", "category_id", ownCategoryA.toString()))
                .post("/api/banking/rules/").then().statusCode(201).extract().jsonPath().getString("id");

        // B can neither see nor touch A's rule, use A's category, nor pair with A's transaction.
        as(b).get("/api/banking/rules/" + ruleA + "/").then().statusCode(404);
        as(b).contentType("application/json").body(Map.of("enabled", false))
                .patch("/api/banking/rules/" + ruleA + "/").then().statusCode(404);
        as(b).delete("/api/banking/rules/" + ruleA + "/").then().statusCode(404);
        as(b).get("/api/banking/rules/").then().body("$", hasSize(0));
        as(b).contentType("application/json")
                .body(Map.of("description_contains", "pix", "category_id", ownCategoryA.toString()))
                .post("/api/banking/rules/").then().statusCode(400).body("errors[0].field", equalTo("category_id"));
        as(b).contentType("application/json").body(Map.of("category_id", ownCategoryA.toString()))
                .put("/api/banking/categories/mappings/05070000/").then().statusCode(400);
        as(b).contentType("application/json").body(Map.of("category", ownCategoryA.toString()))
                .patch("/api/banking/transactions/" + txB + "/").then().statusCode(400);
        as(b).contentType("application/json").body(Map.of("counterpart_id", txA))
                .post("/api/banking/transactions/" + txB + "/transfer/").then().statusCode(404);
        as(b).delete("/api/banking/transactions/" + txA + "/transfer/").then().statusCode(404);
        as(b).get("/api/banking/accounts/" + as(a).get("/api/banking/accounts/").jsonPath().getString("[0].id")
                + "/reconciliation/").then().statusCode(404);

        // B's re-application of its own (no) rules does not touch A; A's own does.
        as(b).contentType("application/json").body(Map.of()).post("/api/banking/rules/apply/").then()
                .body("transactions", equalTo(0));
        as(a).get("/api/banking/transactions/" + txA + "/").then().body("category_id", equalTo(categoryOfA))
                .body("transfer_id", nullValue());
        as(a).contentType("application/json").body(Map.of()).post("/api/banking/rules/apply/").then()
                .body("transactions", equalTo(1));
        as(a).get("/api/banking/transactions/" + txA + "/").then()
                .body("category_id", equalTo(ownCategoryA.toString()));
        as(b).get("/api/banking/transactions/" + txB + "/").then().body("category_id", equalTo(categoryOfB));

        // Each dashboard counts its own company only.
        as(a).get("/api/banking/dashboard/").then().body("current_month.income", equalTo(new java.math.BigDecimal("0.00")))
                .body("total_accounts", equalTo(1));
        as(b).get("/api/banking/dashboard/").then().body("recent_transactions", hasSize(1))
                .body("recent_transactions[0].id", equalTo(txB));
    }

    @Test
    void batchNamingAnotherCompanyIsNotApplied() {
        UUID a = UUID.randomUUID();
        UUID intruder = UUID.randomUUID();
        String item = unique("item");
        String acc = unique("acc");
        publishSnapshot(a, item, account(item, acc, "Conta A", "BANK", "10.00"));
        eventually(() -> as(a).get("/api/banking/accounts/").jsonPath().getList("id"), hasSize(1));
        publishBatch(batch(intruder, item, acc, List.of(
                tx(unique("t"), acc, T0, "INJETADA", "CREDIT", "1.00", "POSTED", null, T0)), List.of()));
        String marker = unique("t");
        publishBatch(batch(a, item, acc, List.of(
                tx(marker, acc, T0, "LEGITIMA", "CREDIT", "2.00", "POSTED", null, T0)), List.of()));
        eventually(() -> Api.all(a, "").size(), equalTo(1));
        as(a).get("/api/banking/transactions/").then().body("results[0].pluggy_transaction_id", equalTo(marker));
        as(intruder).get("/api/banking/transactions/").then().body("results", hasSize(0));
    }
}
