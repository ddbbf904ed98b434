package io.financehub.sandbox;

import static io.financehub.sandbox.Sandbox.apiKey;
import static io.financehub.sandbox.Sandbox.as;
import static io.financehub.sandbox.Sandbox.scenario;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class TransactionPagingTest {

    private String key;

    @BeforeEach
    void setUp() {
        Sandbox.reset();
        key = apiKey();
    }

    private static String after(String next) {
        for (String part : URI.create(next).getQuery().split("&")) {
            if (part.startsWith("after=")) {
                return part.substring(6);
            }
        }
        throw new AssertionError("no after in " + next);
    }

    @ParameterizedTest
    @ValueSource(ints = { 0, 1, 500, 501 })
    void v2WalksEveryPageAndAgreesWithTheTruth(int count) {
        String accountId = scenario("BANK", count).getString("accounts[0].id");
        List<Map<String, Object>> all = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            JsonPath page = as(key).queryParam("accountId", accountId)
                    .queryParams(next == null ? Map.of() : Map.of("after", after(next)))
                    .get("/v2/transactions").then().statusCode(200).extract().jsonPath();
            all.addAll(page.getList("results"));
            next = page.getString("next");
            pages++;
        } while (next != null);
        assertEquals(count, all.size());
        assertEquals(count <= 500 ? 1 : 2, pages);
        assertEquals(count, new HashSet<>(all.stream().map(t -> t.get("id")).toList()).size());

        JsonPath truth = given().get("/sandbox/accounts/" + accountId + "/truth").then().statusCode(200).extract()
                .jsonPath();
        assertEquals(count, truth.getInt("count"));
        BigDecimal balance = new BigDecimal(truth.getString("balance"));
        BigDecimal accountBalance = new BigDecimal(as(key).get("/accounts/" + accountId).then().extract().jsonPath()
                .getString("balance"));
        assertEquals(0, balance.compareTo(accountBalance));
        if (count > 0) {
            BigDecimal lastRunning = new BigDecimal(String.valueOf(all.get(all.size() - 1).get("balance")));
            assertEquals(0, lastRunning.compareTo(balance), "running balance of the last transaction");
            BigDecimal sum = all.stream().map(t -> new BigDecimal(String.valueOf(t.get("amount"))))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(0, sum.compareTo(new BigDecimal(truth.getString("sum"))));
            assertEquals(truth.getList("transactions.id"), all.stream().map(t -> t.get("id")).toList());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = { 0, 1, 500, 501 })
    void v1PagesWithTotals(int count) {
        String accountId = scenario("BANK", count).getString("accounts[0].id");
        JsonPath first = as(key).get("/transactions?accountId=" + accountId + "&pageSize=500").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(count, first.getInt("total"));
        assertEquals((count + 499) / 500, first.getInt("totalPages"));
        assertEquals(1, first.getInt("page"));
        assertEquals(Math.min(count, 500), first.getList("results").size());
        if (count == 501) {
            JsonPath second = as(key).get("/transactions?accountId=" + accountId + "&pageSize=500&page=2").then()
                    .statusCode(200).extract().jsonPath();
            assertEquals(1, second.getList("results").size());
        }
        JsonPath defaults = as(key).get("/transactions?accountId=" + accountId).then().statusCode(200).extract()
                .jsonPath();
        assertEquals(Math.min(count, 20), defaults.getList("results").size());
    }

    @Test
    void aMillionTransactionAccountIsServedPageByPage() {
        String accountId = scenario(Map.of("connectorId", 0, "transactionCount", 1_000_000,
                "accounts", List.of(Map.of("type", "BANK")), "dateFrom", "2024-07-01", "dateTo", "2025-06-30"))
                .getString("accounts[0].id");
        JsonPath first = as(key).get("/v2/transactions?accountId=" + accountId).then().statusCode(200).extract()
                .jsonPath();
        assertEquals(500, first.getList("results").size());
        assertNotNull(first.getString("next"));

        JsonPath middle = as(key).get("/transactions?accountId=" + accountId + "&pageSize=500&page=1000").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(1_000_000, middle.getInt("total"));
        assertEquals(2000, middle.getInt("totalPages"));
        assertEquals(500, middle.getList("results").size());

        JsonPath last = as(key).get("/transactions?accountId=" + accountId + "&pageSize=500&page=2000").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(500, last.getList("results").size());
        JsonPath beyond = as(key).get("/transactions?accountId=" + accountId + "&pageSize=500&page=2001").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(0, beyond.getList("results").size());

        String lastId = last.getString("results[499].id");
        BigDecimal lastBalance = new BigDecimal(last.getString("results[499].balance"));
        BigDecimal account = new BigDecimal(as(key).get("/accounts/" + accountId).then().extract().jsonPath()
                .getString("balance"));
        assertEquals(0, lastBalance.compareTo(account));

        // v2 from the cursor of the second-to-last page reaches the end with next = null.
        String afterSecondLast = as(key).get("/transactions?accountId=" + accountId + "&pageSize=500&page=1999")
                .then().extract().path("results[499].id");
        assertNotNull(afterSecondLast);
        as(key).get("/transactions/" + lastId).then().statusCode(200).body("id", equalTo(lastId));
        as(key).get("/v2/transactions?accountId=" + accountId + "&ids=" + lastId).then().statusCode(200)
                .body("results[0].id", equalTo(lastId)).body("next", nullValue());
    }

    @Test
    void filtersByDateAndRejectsAnOversizedPage() {
        String accountId = scenario("BANK", 300).getString("accounts[0].id");
        JsonPath june = as(key).get("/v2/transactions?accountId=" + accountId
                + "&dateFrom=2025-06-01&dateTo=2025-06-30").then().statusCode(200).extract().jsonPath();
        assertTrue(june.getList("results").size() > 10);
        june.getList("results.date", String.class).forEach(d -> assertTrue(d.startsWith("2025-06"), d));
        JsonPath v1 = as(key).get("/transactions?accountId=" + accountId + "&from=2025-06-01&to=2025-06-30"
                + "&pageSize=500").then().statusCode(200).extract().jsonPath();
        assertEquals(june.getList("results").size(), v1.getInt("total"));
        as(key).get("/transactions?accountId=" + accountId + "&pageSize=501").then().statusCode(400)
                .body("code", equalTo(400));
        as(key).get("/v2/transactions").then().statusCode(400);
        as(key).get("/v2/transactions?accountId=nope").then().statusCode(404);
    }

    @Test
    void transactionCarriesEveryPluggyField() {
        String accountId = scenario("BANK", 200).getString("accounts[0].id");
        JsonPath page = as(key).get("/v2/transactions?accountId=" + accountId).then().extract().jsonPath();
        Map<String, Object> t = page.getMap("results[0]");
        for (String field : List.of("id", "accountId", "date", "description", "descriptionRaw", "type", "amount",
                "amountInAccountCurrency", "balance", "currencyCode", "category", "categoryId", "status",
                "providerCode", "providerId", "operationType", "paymentData", "creditCardMetadata", "merchant",
                "createdAt", "updatedAt")) {
            assertTrue(t.containsKey(field), field);
        }
        List<String> methods = page.getList("results.paymentData.paymentMethod");
        assertTrue(methods.contains("PIX"), methods.toString());
        List<String> docTypes = page.getList("results.paymentData.receiver.documentNumber.type");
        assertTrue(docTypes.contains("CPF") || docTypes.contains("CNPJ"));
        page.getList("results.amount").forEach(a -> assertTrue(new BigDecimal(String.valueOf(a)).signum() != 0));
        page.getList("results").forEach(o -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> tx = (Map<String, Object>) o;
            double amount = Double.parseDouble(String.valueOf(tx.get("amount")));
            assertEquals(amount < 0 ? "DEBIT" : "CREDIT", tx.get("type"));
        });
    }

    @Test
    void creditCardPurchasesArePositiveDebits() {
        String accountId = scenario("CREDIT", 200).getString("accounts[0].id");
        JsonPath page = as(key).get("/v2/transactions?accountId=" + accountId).then().extract().jsonPath();
        page.getList("results").forEach(o -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> tx = (Map<String, Object>) o;
            double amount = Double.parseDouble(String.valueOf(tx.get("amount")));
            assertEquals(amount > 0 ? "DEBIT" : "CREDIT", tx.get("type"));
            assertNotNull(tx.get("creditCardMetadata"));
        });
        List<Integer> installments = page.getList("results.creditCardMetadata.totalInstallments");
        assertTrue(installments.stream().anyMatch(i -> i != null && i > 1));
        as(key).get("/accounts/" + accountId).then().body("type", equalTo("CREDIT"))
                .body("subtype", equalTo("CREDIT_CARD")).body("creditData.creditLimit", org.hamcrest.Matchers.notNullValue())
                .body("bankData", nullValue());
    }

    @Test
    void recategorisesATransaction() {
        String accountId = scenario("BANK", 10).getString("accounts[0].id");
        String id = as(key).get("/v2/transactions?accountId=" + accountId).then().extract().path("results[0].id");
        as(key).body(Map.of("categoryId", "21000000")).patch("/transactions/" + id).then().statusCode(200)
                .body("categoryId", equalTo("21000000")).body("category", equalTo("Leisure"));
        as(key).get("/transactions/" + id).then().body("categoryId", equalTo("21000000"));
        as(key).body(Map.of("categoryId", "nope")).patch("/transactions/" + id).then().statusCode(400);
        as(key).get("/transactions/00000000-0000-4000-8000-000000000000").then().statusCode(404);
    }

    @Test
    void v1AnswersGoneWhenSwitched() {
        String accountId = scenario("BANK", 10).getString("accounts[0].id");
        given().contentType("application/json").body(Map.of("v1TransactionsGone", true)).post("/sandbox/settings")
                .then().statusCode(200);
        try {
            as(key).get("/transactions?accountId=" + accountId).then().statusCode(410)
                    .body("codeDescription", equalTo("ENDPOINT_DEPRECATED")).body("code", equalTo(410));
            as(key).get("/v2/transactions?accountId=" + accountId).then().statusCode(200);
        } finally {
            Sandbox.reset();
        }
        as(key).get("/transactions?accountId=" + accountId).then().statusCode(404);
    }

    @Test
    void categoriesAreATwoLevelTree() {
        JsonPath all = as(key).get("/categories").then().statusCode(200).extract().jsonPath();
        assertTrue(all.getInt("total") > 50);
        as(key).get("/categories/05070000").then().statusCode(200).body("description", equalTo("Transfer - PIX"))
                .body("parentId", equalTo("05000000")).body("parentDescription", equalTo("Transfers"));
        JsonPath children = as(key).get("/categories?parentId=05000000").then().extract().jsonPath();
        children.getList("results.parentId", String.class).forEach(p -> assertEquals("05000000", p));
        assertNull(as(key).get("/categories/05000000").then().extract().path("parentId"));
        as(key).get("/categories/nope").then().statusCode(404);
    }
}
