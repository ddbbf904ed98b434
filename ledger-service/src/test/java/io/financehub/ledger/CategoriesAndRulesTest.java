package io.financehub.ledger;

import static io.financehub.ledger.Api.as;
import static io.financehub.ledger.Api.eventually;
import static io.financehub.ledger.LedgerEvents.account;
import static io.financehub.ledger.LedgerEvents.batch;
import static io.financehub.ledger.LedgerEvents.publishBatch;
import static io.financehub.ledger.LedgerEvents.publishSnapshot;
import static io.financehub.ledger.LedgerEvents.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.financehub.contracts.events.TransactionData;
import io.financehub.support.testing.JwtTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Pluggy's tree, the company's categories and mappings, rules, their precedence and their re-application. */
@QuarkusTest
@WithTestResource(JwtTestResource.class)
@WithTestResource(ConsumersStartAtTheEnd.class)
class CategoriesAndRulesTest {

    private static final Instant T0 = Instant.parse("2025-04-02T03:00:00Z");

    private final UUID company = UUID.randomUUID();
    private final String item = unique("item");
    private final String account = unique("acc");

    private String connect() {
        publishSnapshot(company, item, account(item, account, "Conta", "BANK", "0.00"));
        return eventually(() -> as(company).get("/api/banking/accounts/").then().extract().jsonPath().getString("[0].id"),
                notNullValue());
    }

    private void sync(TransactionData... rows) {
        publishBatch(batch(company, item, account, List.of(rows), List.of()));
    }

    private Map<String, Object> byPluggyId(String pluggyId) {
        return eventually(() -> Api.all(company, "").stream()
                .filter(t -> pluggyId.equals(t.get("pluggy_transaction_id"))).findFirst().orElse(null),
                notNullValue());
    }

    private static String pluggyCategory(UUID company, String pluggyId) {
        return as(company).get("/api/banking/categories/").jsonPath()
                .getString("find { it.pluggy_category_id == '" + pluggyId + "' }.id");
    }

    @Test
    void listsPluggysTreeAndTheCompanysOwnOnly() {
        UUID other = UUID.randomUUID();
        UUID mine = Api.category(company, "Marketing", "expense");
        UUID theirs = Api.category(other, "Segredo", "expense");
        var list = as(company).get("/api/banking/categories/").then().statusCode(200).extract().jsonPath();
        assertEquals("Salário", list.getString("find { it.pluggy_category_id == '01010000' }.name"));
        assertEquals(pluggyCategory(company, "01000000"),
                list.getString("find { it.pluggy_category_id == '01010000' }.parent_id"));
        assertEquals("income", list.getString("find { it.pluggy_category_id == '01010000' }.type"));
        assertEquals("transfer", list.getString("find { it.pluggy_category_id == '05100000' }.type"));
        assertEquals(true, list.getBoolean("find { it.pluggy_category_id == '01010000' }.is_system"));
        assertEquals(List.of(mine.toString()), list.getList("findAll { !it.is_system }.id"));
        as(company).get("/api/banking/categories/" + theirs + "/").then().statusCode(404)
                .contentType("application/problem+json");
        as(company).contentType("application/json").body(Map.of("name", "X"))
                .patch("/api/banking/categories/" + theirs + "/").then().statusCode(404);
        as(company).delete("/api/banking/categories/" + theirs + "/").then().statusCode(404);
        as(company).contentType("application/json").body(Map.of("name", "Renda"))
                .patch("/api/banking/categories/" + pluggyCategory(company, "01000000") + "/").then().statusCode(403);
    }

    @Test
    void aPluggyCategoryFirstSeenInATransactionJoinsTheTree() {
        connect();
        String newPluggyId = "19" + String.format("%02d", 60 + (int) (Math.random() * 39)) + "0000";
        String t = unique("t");
        sync(Tx.of(t, account).date(T0).description("ESTACIONAMENTO").category(newPluggyId, "Parking").data());
        String categoryId = (String) byPluggyId(t).get("category_id");
        var category = as(company).get("/api/banking/categories/" + categoryId + "/").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(newPluggyId, category.getString("pluggy_category_id"));
        assertEquals("Parking", category.getString("name"));
        assertEquals(pluggyCategory(company, "19000000"), category.getString("parent_id"));
        assertEquals("expense", category.getString("type"));
    }

    @Test
    void createsUpdatesAndValidatesCategories() {
        var created = as(company).contentType("application/json")
                .body(Map.of("name", "Fornecedores", "type", "expense", "icon", "🏪", "color", "#FF5733"))
                .post("/api/banking/categories/").then().statusCode(201)
                .body("name", equalTo("Fornecedores")).body("icon", equalTo("🏪")).body("is_system", equalTo(false))
                .extract().jsonPath();
        String id = created.getString("id");
        var child = as(company).contentType("application/json")
                .body(Map.of("name", "Gráfica", "type", "expense", "parent", id))
                .post("/api/banking/categories/").then().statusCode(201).body("parent_id", equalTo(id))
                .extract().jsonPath().getString("id");
        as(company).contentType("application/json").body(Map.of("name", "Fornecedores", "type", "expense"))
                .post("/api/banking/categories/").then().statusCode(409).body("code", equalTo("category_exists"));
        as(company).contentType("application/json").body(Map.of("name", "A", "type", "luxury"))
                .post("/api/banking/categories/").then().statusCode(400).body("errors[0].field", equalTo("type"));
        as(company).contentType("application/json").body(Map.of("name", "A", "type", "expense", "color", "red"))
                .post("/api/banking/categories/").then().statusCode(400).body("errors[0].field", equalTo("color"));
        as(company).contentType("application/json").body(Map.of("type", "expense"))
                .post("/api/banking/categories/").then().statusCode(400).body("errors[0].field", equalTo("name"));
        as(company).contentType("application/json").body(Map.of("name", "Neto", "type", "expense", "parent", child))
                .post("/api/banking/categories/").then().statusCode(400).body("errors[0].field", equalTo("parent"));
        as(company).contentType("application/json").body(Map.of("color", "#00AA00"))
                .patch("/api/banking/categories/" + id + "/").then().statusCode(200)
                .body("color", equalTo("#00AA00")).body("name", equalTo("Fornecedores"));
    }

    @Test
    void deletingAUsedCategoryAsksWhereItsTransactionsGo() {
        connect();
        String t = unique("t");
        sync(Tx.of(t, account).date(T0).amount("-80.00").data());
        String ledgerId = (String) byPluggyId(t).get("id");
        UUID old = Api.category(company, "Antiga", "expense");
        UUID target = Api.category(company, "Nova", "expense");
        as(company).contentType("application/json").body(Map.of("category", old.toString()))
                .patch("/api/banking/transactions/" + ledgerId + "/").then().statusCode(200);

        as(company).delete("/api/banking/categories/" + old + "/").then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("category_in_use"));
        as(company).get("/api/banking/transactions/" + ledgerId + "/").then().body("category_id", equalTo(old.toString()));
        as(company).delete("/api/banking/categories/" + old + "/?reassign_to=" + UUID.randomUUID()).then()
                .statusCode(400).body("errors[0].field", equalTo("reassign_to"));
        as(company).delete("/api/banking/categories/" + old + "/?reassign_to=" + target).then().statusCode(204);
        as(company).get("/api/banking/transactions/" + ledgerId + "/").then()
                .body("category_id", equalTo(target.toString())).body("category_source", equalTo("user"));
        as(company).get("/api/banking/categories/" + old + "/").then().statusCode(404);
    }

    @Test
    void userBeatsRuleBeatsMappingBeatsPluggy() {
        String accountLedgerId = connect();
        UUID food = Api.category(company, "Alimentação da equipe", "expense");
        UUID ifood = Api.category(company, "iFood", "expense");
        UUID mine = Api.category(company, "Escolha minha", "expense");
        as(company).contentType("application/json").body(Map.of("category_id", food.toString()))
                .put("/api/banking/categories/mappings/11010000/").then().statusCode(204);
        as(company).get("/api/banking/categories/mappings/").then().statusCode(200)
                .body("[0].pluggy_category_id", equalTo("11010000")).body("[0].category_id", equalTo(food.toString()));
        as(company).contentType("application/json")
                .body(Map.of("name", "iFood", "description_contains", "IFOOD", "account_id", accountLedgerId,
                        "category_id", ifood.toString()))
                .post("/api/banking/rules/").then().statusCode(201).body("position", equalTo(1));

        String byRule = unique("t");
        String byMapping = unique("t");
        String byPluggy = unique("t");
        String byUser = unique("t");
        sync(Tx.of(byRule, account).date(T0).description("IFOOD *RESTAURANTE").category("11010000", "Eating out").data(),
                Tx.of(byMapping, account).date(T0).description("RESTAURANTE DO ZE").category("11010000", "Eating out")
                        .data(),
                Tx.of(byPluggy, account).date(T0).description("FARMACIA").category("18020000", "Pharmacy").data(),
                Tx.of(byUser, account).date(T0).description("IFOOD *MERCADO").category("11010000", "Eating out").data());
        assertEquals(ifood.toString(), byPluggyId(byRule).get("category_id"));
        assertEquals("rule", byPluggyId(byRule).get("category_source"));
        assertEquals(food.toString(), byPluggyId(byMapping).get("category_id"));
        assertEquals("mapping", byPluggyId(byMapping).get("category_source"));
        assertEquals(pluggyCategory(company, "18020000"), byPluggyId(byPluggy).get("category_id"));
        assertEquals("pluggy", byPluggyId(byPluggy).get("category_source"));

        String userLedgerId = (String) byPluggyId(byUser).get("id");
        as(company).contentType("application/json").body(Map.of("category", mine.toString()))
                .patch("/api/banking/transactions/" + userLedgerId + "/").then().statusCode(200);
        // The next sync changes the transaction; the rule still matches; the user's choice stays.
        sync(Tx.of(byUser, account).date(T0).description("IFOOD *MERCADO SAO PAULO").category("11010000", "Eating out")
                .updatedAt(T0.plusSeconds(60)).data());
        eventually(() -> byPluggyId(byUser).get("description"), equalTo("IFOOD *MERCADO SAO PAULO"));
        assertEquals(mine.toString(), byPluggyId(byUser).get("category_id"));
        assertEquals("user", byPluggyId(byUser).get("category_source"));
    }

    @Test
    void rulesMatchEveryConditionInOrderAndReapplyToHistoryOnDemand() {
        connect();
        UUID rent = Api.category(company, "Aluguel do galpão", "expense");
        UUID supplier = Api.category(company, "Fornecedor Acme", "expense");
        UUID big = Api.category(company, "Grandes pagamentos", "expense");
        String acme = "12345678000199";
        String rentId = unique("t");
        String acmeId = unique("t");
        String bigId = unique("t");
        String smallId = unique("t");
        String creditId = unique("t");
        String userId = unique("t");
        sync(Tx.of(rentId, account).date(T0).description("PIX ENVIADO Imobiliária São João").amount("-4500.00").data(),
                Tx.of(acmeId, account).date(T0).description("BOLETO").amount("-300.00").merchant("ACME", acme).data(),
                Tx.of(bigId, account).date(T0).description("TED ENVIADA").amount("-2000.00").data(),
                Tx.of(smallId, account).date(T0).description("TED ENVIADA").amount("-20.00")
                        .category("05080000", "Transfer - TED").data(),
                Tx.of(creditId, account).date(T0).description("TED RECEBIDA").amount("2000.00").data(),
                Tx.of(userId, account).date(T0).description("PIX ENVIADO Imobiliaria Sao Joao").amount("-10.00")
                        .data());
        String userLedgerId = (String) byPluggyId(userId).get("id");
        UUID mine = Api.category(company, "Minha", "expense");
        as(company).contentType("application/json").body(Map.of("category", mine.toString()))
                .patch("/api/banking/transactions/" + userLedgerId + "/").then().statusCode(200);

        // Rules made after the data: nothing changes until they are applied.
        as(company).contentType("application/json").body(Map.of("description_regex", "imobili[aá]ria",
                "category_id", rent.toString())).post("/api/banking/rules/").then().statusCode(201);
        as(company).contentType("application/json").body(Map.of("document", "12.345.678/0001-99",
                "category_id", supplier.toString())).post("/api/banking/rules/").then().statusCode(201)
                .body("document", equalTo(acme));
        as(company).contentType("application/json").body(Map.of("min_amount", 1000, "transaction_type", "DEBIT",
                "category_id", big.toString(), "position", 1)).post("/api/banking/rules/").then().statusCode(201);
        as(company).get("/api/banking/rules/").then().statusCode(200)
                .body("position", equalTo(List.of(1, 2, 3)))
                .body("[0].category_id", equalTo(big.toString()));
        assertEquals(null, byPluggyId(rentId).get("category_source"));

        // Rent (-4500, matches "big" first, then the regex): "big" is first. Acme by CNPJ; TED -2000 big; the small
        // TED and the incoming TED match nothing; the user's own choice stays.
        as(company).contentType("application/json").body(Map.of("preview", true)).post("/api/banking/rules/apply/")
                .then().statusCode(200).body("preview", equalTo(true)).body("transactions", equalTo(3));
        as(company).contentType("application/json").body(Map.of()).post("/api/banking/rules/apply/")
                .then().statusCode(200).body("preview", equalTo(false)).body("transactions", equalTo(3));
        assertEquals(big.toString(), byPluggyId(rentId).get("category_id"));
        assertEquals(supplier.toString(), byPluggyId(acmeId).get("category_id"));
        assertEquals(big.toString(), byPluggyId(bigId).get("category_id"));
        assertEquals("pluggy", byPluggyId(smallId).get("category_source"));
        assertEquals(null, byPluggyId(creditId).get("category_source"));
        assertEquals(mine.toString(), byPluggyId(userId).get("category_id"));
        as(company).contentType("application/json").body(Map.of("preview", true)).post("/api/banking/rules/apply/")
                .then().body("transactions", equalTo(0));

        // Moving the regex rule first changes the rent's category once re-applied.
        String regexRule = as(company).get("/api/banking/rules/").jsonPath()
                .getString("find { it.description_regex != null }.id");
        as(company).contentType("application/json").body(Map.of("position", 1))
                .patch("/api/banking/rules/" + regexRule + "/").then().statusCode(200).body("position", equalTo(1));
        as(company).get("/api/banking/rules/").then().body("position", equalTo(List.of(1, 2, 3)))
                .body("[0].id", equalTo(regexRule));
        as(company).contentType("application/json").body(Map.of()).post("/api/banking/rules/apply/")
                .then().body("transactions", equalTo(1));
        assertEquals(rent.toString(), byPluggyId(rentId).get("category_id"));
        assertEquals(regexRule, byPluggyId(rentId).get("category_rule_id"));

        // New transactions take the rules as they are now, with no re-application.
        String fresh = unique("t");
        sync(Tx.of(fresh, account).date(T0).description("ALUGUEL IMOBILIÁRIA").amount("-10.00").data());
        eventually(() -> byPluggyId(fresh).get("category_id"), equalTo(rent.toString()));
    }

    @Test
    void rejectsRulesThatCannotMatchOrPointElsewhere() {
        connect();
        UUID category = Api.category(company, "Qualquer", "expense");
        UUID foreign = Api.category(UUID.randomUUID(), "De outra", "expense");
        as(company).contentType("application/json").body(Map.of("category_id", category.toString()))
                .post("/api/banking/rules/").then().statusCode(400).body("errors[0].field", equalTo("conditions"));
        as(company).contentType("application/json")
                .body(Map.of("description_regex", "([a-z", "category_id", category.toString()))
                .post("/api/banking/rules/").then().statusCode(400)
                .body("errors[0].field", equalTo("description_regex"));
        as(company).contentType("application/json")
                .body(Map.of("description_contains", "x", "category_id", foreign.toString()))
                .post("/api/banking/rules/").then().statusCode(400).body("errors[0].field", equalTo("category_id"));
        as(company).contentType("application/json")
                .body(Map.of("account_id", UUID.randomUUID().toString(), "category_id", category.toString()))
                .post("/api/banking/rules/").then().statusCode(400).body("errors[0].field", equalTo("account_id"));
        as(company).contentType("application/json")
                .body(Map.of("min_amount", 10, "max_amount", 5, "category_id", category.toString()))
                .post("/api/banking/rules/").then().statusCode(400).body("errors[0].field", equalTo("max_amount"));
        as(company).contentType("application/json")
                .body(Map.of("description_contains", "x", "position", 5, "category_id", category.toString()))
                .post("/api/banking/rules/").then().statusCode(400).body("errors[0].field", equalTo("position"));
        as(company).get("/api/banking/rules/").then().statusCode(200).body("size()", is(0));
        as(company).get("/api/banking/rules/" + UUID.randomUUID() + "/").then().statusCode(404);
        as(company).get("/api/banking/categories/").then().body("id", hasItem(category.toString()));
    }
}
