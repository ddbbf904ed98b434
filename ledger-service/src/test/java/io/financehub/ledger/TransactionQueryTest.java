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
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.financehub.contracts.events.TransactionData;
import io.financehub.ledger.repository.TransactionQueryRepository;
import io.financehub.ledger.service.TransactionFilter;
import io.financehub.support.testing.JwtTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Every filter, order and page of GET /transactions/ against a known dataset, sums exact to the cent. */
@QuarkusTest
@WithTestResource(JwtTestResource.class)
@WithTestResource(ConsumersStartAtTheEnd.class)
class TransactionQueryTest {

    private static final UUID COMPANY = UUID.randomUUID();
    private static final String ITEM = unique("item");
    private static final String CHECKING = unique("acc");
    private static final String CARD = unique("acc");
    private static final List<TransactionData> DATA = new ArrayList<>();
    private static final Map<String, String> LEDGER_IDS = new HashMap<>();
    private static UUID CATEGORY;
    private static final Set<Integer> CATEGORIZED = Set.of(2, 5, 11);
    private static String checkingId;
    private static boolean seeded;

    private static void add(String account, String date, String description, String merchant, String type,
            String amount, String status) {
        Instant at = Instant.parse(date);
        DATA.add(tx(unique("t" + DATA.size()), account, at, description, type, amount, status, merchant, at));
    }

    @BeforeEach
    void seed() {
        if (seeded) {
            return;
        }
        add(CHECKING, "2025-02-03T03:00:00Z", "PIX RECEBIDO JOSÉ CONCEIÇÃO", null, "CREDIT", "1500.00", "POSTED");
        add(CHECKING, "2025-02-05T03:00:00Z", "COMPRA CARTAO", "Pão de Açúcar", "DEBIT", "-245.37", "POSTED");
        add(CHECKING, "2025-02-07T03:00:00Z", "Padaria São João", null, "DEBIT", "-18.90", "POSTED");
        add(CHECKING, "2025-02-09T03:00:00Z", "TED ENVIADA ANTÔNIO", null, "DEBIT", "-1000.00", "POSTED");
        add(CHECKING, "2025-02-10T02:59:00Z", "TARIFA PACOTE", null, "DEBIT", "-39.90", "POSTED"); // 09 Feb, 23:59 BRT
        add(CHECKING, "2025-02-10T03:00:00Z", "AÇOUGUE BOI BOM", null, "DEBIT", "-87.45", "POSTED");
        add(CHECKING, "2025-02-12T03:00:00Z", "PIX ENVIADO MÁRCIA", null, "DEBIT", "-50.00", "POSTED");
        add(CHECKING, "2025-02-12T03:00:00Z", "PIX ENVIADO SÉRGIO", null, "DEBIT", "-50.00", "POSTED");
        add(CHECKING, "2025-02-15T03:00:00Z", "SALARIO EMPRESA", null, "CREDIT", "5230.11", "POSTED");
        add(CHECKING, "2025-02-18T03:00:00Z", "Farmácia Saúde", "Drogaria Saúde", "DEBIT", "-63.20", "POSTED");
        add(CHECKING, "2025-02-20T15:30:00Z", "CAFÉ DA ESQUINA", null, "DEBIT", "-12.50", "POSTED");
        add(CHECKING, "2025-02-21T02:59:00Z", "PADARIA SAO JOAO", null, "DEBIT", "-7.25", "POSTED"); // 20 Feb, 23:59 BRT
        add(CHECKING, "2025-02-21T03:00:00Z", "PIX RECEBIDO ANA", null, "CREDIT", "99.99", "PENDING");
        add(CHECKING, "2025-02-25T03:00:00Z", "BOLETO ENERGIA 100%", null, "DEBIT", "-310.45", "PENDING");
        add(CARD, "2025-02-04T03:00:00Z", "UBER *TRIP", "Uber", "DEBIT", "23.40", "POSTED");
        add(CARD, "2025-02-08T03:00:00Z", "IFOOD *RESTAURANTE", "iFood", "DEBIT", "58.90", "POSTED");
        add(CARD, "2025-02-11T03:00:00Z", "NETFLIX.COM", "Netflix", "DEBIT", "55.90", "POSTED");
        add(CARD, "2025-02-14T03:00:00Z", "ESTORNO IFOOD", "iFood", "CREDIT", "-58.90", "POSTED");
        add(CARD, "2025-02-19T03:00:00Z", "MAGAZINE LUIZA 03/10", "Magazine Luiza", "DEBIT", "199.00", "POSTED");
        add(CARD, "2025-02-22T03:00:00Z", "POSTO IPÊ", "Posto Ipê", "DEBIT", "250.00", "PENDING");
        add(CARD, "2025-02-26T03:00:00Z", "PAGAMENTO FATURA", null, "CREDIT", "-800.00", "POSTED");

        publishSnapshot(COMPANY, ITEM, account(ITEM, CHECKING, "Conta Corrente", "BANK", "4321.09"),
                account(ITEM, CARD, "Cartão Black", "CREDIT", "-1200.00"));
        eventually(() -> as(COMPANY).get("/api/banking/accounts/").jsonPath().getList("id"), hasSize(2));
        publishBatch(batch(COMPANY, ITEM, CHECKING, DATA.stream().filter(t -> t.accountId().equals(CHECKING)).toList(),
                List.of()));
        publishBatch(batch(COMPANY, ITEM, CARD, DATA.stream().filter(t -> t.accountId().equals(CARD)).toList(),
                List.of()));
        eventually(() -> Api.all(COMPANY, "page_size=200").size(), is(DATA.size()));
        Api.all(COMPANY, "page_size=200").forEach(
                t -> LEDGER_IDS.put((String) t.get("pluggy_transaction_id"), (String) t.get("id")));
        checkingId = as(COMPANY).get("/api/banking/accounts/?type=BANK").jsonPath().getString("[0].id");
        CATEGORY = Api.category(COMPANY, "Clientes " + UUID.randomUUID(), "income");
        List<String> categorized = CATEGORIZED.stream().map(i -> LEDGER_IDS.get(DATA.get(i).id())).toList();
        as(COMPANY).contentType("application/json")
                .body(Map.of("transaction_ids", categorized, "category_id", CATEGORY.toString()))
                .post("/api/banking/transactions/bulk-categorize/")
                .then().statusCode(200).body("updated", equalTo(3));
        seeded = true;
    }

    private static void assertQuery(String query, Predicate<TransactionData> expected) {
        List<TransactionData> want = DATA.stream().filter(expected).toList();
        List<Map<String, Object>> got = Api.all(COMPANY, query.isEmpty() ? "page_size=4" : "page_size=4&" + query);
        assertEquals(want.stream().map(TransactionData::id).collect(Collectors.toSet()),
                got.stream().map(t -> t.get("pluggy_transaction_id")).collect(Collectors.toSet()), query);
        assertEquals(got.size(), got.stream().map(t -> t.get("id")).distinct().count(), "no row twice: " + query);
        BigDecimal wantSum = want.stream().map(TransactionData::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal gotSum = got.stream().map(t -> (BigDecimal) t.get("amount")).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        assertEquals(wantSum, gotSum, "sum of " + query);
        as(COMPANY).get("/api/banking/transactions/?count=true&page_size=1" + (query.isEmpty() ? "" : "&" + query)).then().statusCode(200)
                .body("count", equalTo(want.size()));
    }

    @Inject
    TransactionQueryRepository repository;

    /**
     * A phrase whose rare word alone is given to the trigram index (what the service does when the column's
     * statistics say one word is rare and another common) finds exactly the rows with the phrase.
     */
    @Test
    void phraseSearchedThroughOneOfItsWordsFindsExactlyThePhrase() {
        String[][] phrasesAndWords = { { "pix enviado", "enviado" }, { "pix enviado", "pix" },
                { "sao joao", "joao" }, { "joao sao", "sao" }, { "pao de acucar", "acucar" },
                { "pix marcia", "marcia" }, { "boleto energia 100%", "100%" } };
        for (String[] phraseAndWord : phrasesAndWords) {
            TransactionFilter filter = new TransactionFilter(null, null, null, null, null, null, null, null,
                    phraseAndWord[0]).indexingOnly(phraseAndWord[1]);
            Set<String> got = repository.page(COMPANY, filter, "date", true, null, null, 200).await().indefinitely()
                    .stream().map(LedgerTransaction::pluggyTransactionId).collect(Collectors.toSet());
            Set<String> want = DATA.stream().filter(t -> search(t, phraseAndWord[0])).map(TransactionData::id)
                    .collect(Collectors.toSet());
            assertEquals(want, got, String.join(" / ", phraseAndWord));
        }
        assertEquals(1, DATA.stream().filter(t -> search(t, "pix enviado marcia")).count());
    }

    private static boolean search(TransactionData t, String folded) {
        String text = SearchText.ofTransaction(t.description(), t.merchant() == null ? null : t.merchant().name(),
                t.merchant() == null ? null : t.merchant().businessName());
        return text.contains(folded);
    }

    @Test
    void filtersByEachFieldWithExactSums() {
        assertQuery("", t -> true);
        assertQuery("account_id=" + checkingId, t -> t.accountId().equals(CHECKING));
        assertQuery("category_id=" + CATEGORY, t -> CATEGORIZED.contains(DATA.indexOf(t)));
        assertQuery("start_date=2025-02-10&end_date=2025-02-20",
                t -> !t.date().isBefore(Instant.parse("2025-02-10T03:00:00Z"))
                        && t.date().isBefore(Instant.parse("2025-02-21T03:00:00Z")));
        assertQuery("start_date=2025-02-21", t -> !t.date().isBefore(Instant.parse("2025-02-21T03:00:00Z")));
        assertQuery("end_date=2025-02-09", t -> t.date().isBefore(Instant.parse("2025-02-10T03:00:00Z")));
        assertQuery("min_amount=-50&max_amount=100",
                t -> t.amount().compareTo(new BigDecimal("-50")) >= 0 && t.amount().compareTo(new BigDecimal("100")) <= 0);
        assertQuery("min_amount=199.00", t -> t.amount().compareTo(new BigDecimal("199.00")) >= 0);
        assertQuery("max_amount=-245.37", t -> t.amount().compareTo(new BigDecimal("-245.37")) <= 0);
        assertQuery("type=DEBIT", t -> t.type().equals("DEBIT"));
        assertQuery("type=credit", t -> t.type().equals("CREDIT"));
        assertQuery("status=PENDING", t -> t.status().equals("PENDING"));
    }

    @Test
    void searchIgnoresCaseAndAccentsOverDescriptionAndMerchant() {
        assertQuery("search=sao joao", t -> search(t, "sao joao"));
        assertEquals(2, Api.all(COMPANY, "search=SÃO JOÃO").size());
        assertQuery("search=AÇOUGUE", t -> search(t, "acougue"));
        assertQuery("search=acucar", t -> search(t, "acucar"));                   // merchant only
        assertQuery("search=saude", t -> search(t, "saude"));
        assertQuery("search=ifood", t -> search(t, "ifood"));
        assertQuery("search=100%", t -> search(t, "100%"));                        // % is literal
        assertQuery("search=pix&status=PENDING", t -> search(t, "pix") && t.status().equals("PENDING"));
        assertQuery("search=pix&type=DEBIT", t -> search(t, "pix") && t.type().equals("DEBIT"));
        assertQuery("search=ifood&account_id=" + checkingId, t -> false);
        assertQuery("search=pix&start_date=2025-02-12&end_date=2025-02-12",
                t -> search(t, "pix") && t.date().equals(Instant.parse("2025-02-12T03:00:00Z")));
        assertQuery("search=pix&min_amount=0", t -> search(t, "pix") && t.amount().signum() >= 0);
        assertQuery("search=ifood&category_id=" + CATEGORY, t -> search(t, "ifood") && CATEGORIZED.contains(
                DATA.indexOf(t)));
        assertQuery("search=nada que exista", t -> false);
        // Several words: the phrase itself, not its words apart or in another order; with a date range too (a short
        // range is walked row by row rather than read from the trigram index).
        assertQuery("search=pix enviado", t -> search(t, "pix enviado"));
        assertQuery("search=pix marcia", t -> false);
        assertQuery("search=joao sao", t -> false);
        assertQuery("search=pão de açúcar", t -> search(t, "pao de acucar"));
        assertQuery("search=o de a", t -> search(t, "o de a"));
        assertQuery("search=sao joao&start_date=2025-02-07&end_date=2025-02-20",
                t -> search(t, "sao joao") && t.date().isBefore(Instant.parse("2025-02-21T03:00:00Z")));
        assertQuery("search=pix enviado&start_date=2025-02-01",
                t -> search(t, "pix enviado"));
        assertQuery("search=ifood&end_date=2025-02-10",
                t -> search(t, "ifood") && t.date().isBefore(Instant.parse("2025-02-11T03:00:00Z")));
    }

    private static void assertOrder(String ordering, Comparator<TransactionData> byKey) {
        Function<TransactionData, String> ledgerId = t -> LEDGER_IDS.get(t.id());
        Comparator<TransactionData> full = byKey.thenComparing(ledgerId);
        if (ordering.startsWith("-")) {
            full = full.reversed();
        }
        List<String> want = DATA.stream().sorted(full).map(TransactionData::id).toList();
        for (int size : new int[] { 1, 4, 7, 21, 200 }) {
            List<Object> got = Api.all(COMPANY, "ordering=" + ordering + "&page_size=" + size).stream()
                    .map(t -> t.get("pluggy_transaction_id")).toList();
            assertEquals(want, got, ordering + " in pages of " + size);
        }
    }

    @Test
    void sortsByDateAndAmountBothWaysAcrossPages() {
        assertOrder("date", Comparator.comparing(TransactionData::date));
        assertOrder("-date", Comparator.comparing(TransactionData::date));
        assertOrder("amount", Comparator.comparing(TransactionData::amount));
        assertOrder("-amount", Comparator.comparing(TransactionData::amount));
        List<Object> byDefault = Api.all(COMPANY, "page_size=200").stream().map(t -> t.get("id")).toList();
        List<Object> byDateDesc = Api.all(COMPANY, "ordering=-date&page_size=200").stream().map(t -> t.get("id")).toList();
        assertEquals(byDateDesc, byDefault, "-date is the default");
    }

    @Test
    void pagesCarryAnOpaqueCursorUntilTheLast() {
        var first = as(COMPANY).get("/api/banking/transactions/?page_size=20&count=true").then().statusCode(200)
                .body("results", hasSize(20)).body("next_cursor", notNullValue()).body("count", equalTo(DATA.size()))
                .extract().jsonPath();
        var last = as(COMPANY).get("/api/banking/transactions/?page_size=20&cursor=" + first.getString("next_cursor"))
                .then().statusCode(200).body("results", hasSize(1)).body("next_cursor", nullValue())
                .body("containsKey('count')", is(false)).extract().jsonPath();
        assertTrue(!first.getList("results.id").contains(last.getString("results[0].id")));
        as(COMPANY).get("/api/banking/transactions/").then().statusCode(200)
                .body("results", hasSize(DATA.size())).body("containsKey('next_cursor')", is(true))
                .body("next_cursor", nullValue());
    }

    @Test
    void showsBothIdsAndTheDetailOfATransaction() {
        TransactionData purchase = DATA.get(1);
        String id = LEDGER_IDS.get(purchase.id());
        as(COMPANY).get("/api/banking/transactions/" + id + "/").then().statusCode(200)
                .body("id", equalTo(id))
                .body("pluggy_transaction_id", equalTo(purchase.id()))
                .body("account_id", equalTo(checkingId))
                .body("amount", equalTo(new BigDecimal("-245.37")))
                .body("merchant.name", equalTo("Pão de Açúcar"))
                .body("merchant.business_name", equalTo("Pão de Açúcar Ltda"))
                .body("pluggy_category_description", equalTo("Groceries"))
                .body("date", equalTo("2025-02-05T03:00:00Z"));
        as(COMPANY).get("/api/banking/transactions/" + UUID.randomUUID() + "/").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("not_found"));
    }

    private static void rejects(String query, String field) {
        as(COMPANY).get("/api/banking/transactions/?" + query).then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("validation_failed"))
                .body("errors[0].field", equalTo(field));
    }

    @Test
    void rejectsInvalidParametersNamingTheField() {
        rejects("page_size=201", "page_size");
        rejects("page_size=0", "page_size");
        rejects("page_size=many", "page_size");
        rejects("start_date=2025-13-01", "start_date");
        rejects("end_date=yesterday", "end_date");
        rejects("start_date=2025-02-10&end_date=2025-02-01", "end_date");
        rejects("min_amount=ten", "min_amount");
        rejects("max_amount=1e400", "max_amount");
        rejects("min_amount=10&max_amount=5", "max_amount");
        rejects("type=TRANSFER", "type");
        rejects("status=DONE", "status");
        rejects("ordering=name", "ordering");
        rejects("account_id=42", "account_id");
        rejects("category_id=x", "category_id");
        rejects("search=ab", "search");
        rejects("cursor=not-a-cursor", "cursor");
        rejects("count=maybe", "count");
        String dateCursor = as(COMPANY).get("/api/banking/transactions/?ordering=date&page_size=2").jsonPath()
                .getString("next_cursor");
        rejects("ordering=-amount&cursor=" + dateCursor, "cursor");
    }

    @Test
    void rejectsInvalidEditsAndBulkRequests() {
        String id = LEDGER_IDS.get(DATA.get(0).id());
        as(COMPANY).contentType("application/json").body(Map.of("category", "food"))
                .patch("/api/banking/transactions/" + id + "/").then().statusCode(400)
                .body("errors[0].field", equalTo("category"));
        as(COMPANY).contentType("application/json").body(Map.of("notes", "x".repeat(2_001)))
                .patch("/api/banking/transactions/" + id + "/").then().statusCode(400)
                .body("errors[0].field", equalTo("notes"));
        as(COMPANY).contentType("application/json")
                .body(Map.of("transaction_ids", List.of(id, "nope"), "category_id", CATEGORY.toString()))
                .post("/api/banking/transactions/bulk-categorize/").then().statusCode(400)
                .body("errors[0].field", equalTo("transaction_ids[1]"));
        List<String> tooMany = IntStream.range(0, 1_001).mapToObj(i -> UUID.randomUUID().toString()).toList();
        as(COMPANY).contentType("application/json")
                .body(Map.of("transaction_ids", tooMany, "category_id", CATEGORY.toString()))
                .post("/api/banking/transactions/bulk-categorize/").then().statusCode(400)
                .body("errors[0].field", equalTo("transaction_ids"));
        as(COMPANY).contentType("application/json").body(Map.of("transaction_ids", List.of(id)))
                .post("/api/banking/transactions/bulk-categorize/").then().statusCode(400)
                .body("errors[0].field", equalTo("category_id"));
        as(COMPANY).get("/api/banking/transactions/" + id + "/").then().body("category_source", not(equalTo("user")));
    }
}
