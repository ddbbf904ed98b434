package io.financehub.ledger;

import static io.financehub.ledger.Api.as;
import static io.financehub.ledger.Api.eventually;
import static io.financehub.ledger.LedgerEvents.batch;
import static io.financehub.ledger.LedgerEvents.publishBatch;
import static io.financehub.ledger.LedgerEvents.send;
import static io.financehub.ledger.LedgerEvents.snapshot;
import static io.financehub.ledger.LedgerEvents.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.financehub.contracts.Topics;
import io.financehub.contracts.events.AccountData;
import io.financehub.contracts.events.BankData;
import io.financehub.contracts.events.TransactionData;
import io.financehub.ledger.service.IngestOutcome;
import io.financehub.ledger.service.TransactionIngestService;
import io.financehub.support.testing.JwtTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Transfers between the company's accounts are paired and left out of income and expenses; the dashboard's figures,
 * kept in rollups at ingest, equal a direct SQL sum over the transactions to the cent, through every kind of change.
 */
@QuarkusTest
@WithTestResource(JwtTestResource.class)
@WithTestResource(ConsumersStartAtTheEnd.class)
class TransfersAndDashboardTest {

    private static final String CNPJ = "11222333000181";
    private static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");

    /** Income and expenses of the current month straight from the transactions: the definition, not the rollups. */
    private static final String DIRECT = """
            SELECT coalesce(sum(abs(t.amount)) FILTER (WHERE t.type = 'CREDIT' AND a.type <> 'CREDIT'), 0) AS income,
                   coalesce(sum(CASE WHEN t.type = 'DEBIT' THEN abs(t.amount) ELSE -abs(t.amount) END)
                            FILTER (WHERE NOT (t.type = 'CREDIT' AND a.type <> 'CREDIT')), 0) AS expenses
            FROM transactions t
            JOIN accounts a ON a.id = t.account_id
            LEFT JOIN categories c ON c.id = t.category_id
            WHERE t.company_id = $1 AND t.transfer_id IS NULL AND c.type IS DISTINCT FROM 'transfer'
              AND date_trunc('month', t.date AT TIME ZONE 'America/Sao_Paulo')
                  = date_trunc('month', now() AT TIME ZONE 'America/Sao_Paulo')
            """;

    @Inject
    Pool pool;
    @Inject
    TransactionIngestService ingest;

    private final UUID company = UUID.randomUUID();
    private final String item = unique("item");
    private final String checking = unique("checking");
    private final String savings = unique("savings");
    private final String card = unique("card");
    private final Instant monthStart = ZonedDateTime.now(ZONE).withDayOfMonth(1).toLocalDate().atStartOfDay(ZONE)
            .toInstant();

    private Instant day(int n) {
        return monthStart.plusSeconds(3 * 3600 + n * 86_400L);
    }

    private static AccountData bank(String id, String name, String balance) {
        return new AccountData(id, null, "BANK", "CHECKING_ACCOUNT", name, null, "0001/" + id.hashCode(), "Padaria",
                "11.222.333/0001-81", new BigDecimal(balance), "BRL", Instant.now(),
                new BankData("0001", null, null, null, null, null), null);
    }

    private void connect() {
        AccountData cardAccount = new AccountData(card, null, "CREDIT", "CREDIT_CARD", "Cartão", null, "4242",
                "Padaria", "11.222.333/0001-81", new BigDecimal("1250.00"), "BRL", Instant.now(), null, null);
        send(Topics.ACCOUNTS, item, snapshot(company, item, Instant.now(), bank(checking, "Conta Corrente", "8000.00"),
                bank(savings, "Poupança", "2000.00"), cardAccount));
        eventually(() -> as(company).get("/api/banking/accounts/").then().extract().jsonPath().getList("id"),
                hasSize(3));
    }

    private void sync(String account, TransactionData... rows) {
        publishBatch(batch(company, item, account, List.of(rows), List.of()));
    }

    private Map<String, Object> row(String pluggyId) {
        return eventually(() -> Api.all(company, "").stream()
                .filter(t -> pluggyId.equals(t.get("pluggy_transaction_id"))).findFirst().orElse(null),
                notNullValue());
    }

    private void dashboardEqualsDirectSum() {
        Row direct = pool.preparedQuery(DIRECT).execute(Tuple.of(company)).await().indefinitely().iterator().next();
        JsonPath dashboard = as(company).get("/api/banking/dashboard/").then().statusCode(200).extract().jsonPath();
        assertEquals(direct.getBigDecimal("income").setScale(2),
                new BigDecimal(dashboard.getString("current_month.income")).setScale(2));
        assertEquals(direct.getBigDecimal("expenses").setScale(2),
                new BigDecimal(dashboard.getString("current_month.expenses")).setScale(2));
    }

    @Test
    void transfersArePairedLeftOutOfTheFiguresAndUnpairedOrPairedByHand() {
        connect();
        String salary = unique("t");
        String market = unique("t");
        String pixOut = unique("t");
        String pixIn = unique("t");
        String bill = unique("t");
        String cardPayment = unique("t");
        String purchase = unique("t");
        String refund = unique("t");
        String supplier = unique("t");
        String customer = unique("t");
        sync(checking,
                Tx.of(salary, checking).date(day(0)).description("TED RECEBIDA CLIENTE").amount("10000.00")
                        .category("01010000", "Salary").data(),
                Tx.of(market, checking).date(day(0)).description("COMPRA ATACADÃO").amount("-1234.56")
                        .category("10000000", "Groceries").data(),
                Tx.of(pixOut, checking).date(day(1)).description("PIX ENVIADO PADARIA").amount("-500.00")
                        .category("05070000", "Transfer - PIX").pix(CNPJ).data(),
                Tx.of(bill, checking).date(day(1)).description("PAGAMENTO FATURA CARTAO").amount("-800.00")
                        .category("05100000", "Credit card payment").data(),
                Tx.of(supplier, checking).date(day(1)).description("BOLETO FORNECEDOR").amount("-77.00")
                        .category("05010000", "Transfer - Bank slip").data());
        sync(savings,
                Tx.of(pixIn, savings).date(day(2)).description("PIX RECEBIDO PADARIA").amount("500.00")
                        .category("05070000", "Transfer - PIX").pix(CNPJ).data(),
                Tx.of(customer, savings).date(day(1)).description("PIX RECEBIDO CLIENTE").amount("77.00")
                        .category("05070000", "Transfer - PIX").pix("98765432000110").data());
        sync(card,
                Tx.of(cardPayment, card).date(day(2)).description("PAGAMENTO RECEBIDO").amount("-800.00")
                        .type("CREDIT").category("05100000", "Credit card payment").data(),
                Tx.of(purchase, card).date(day(1)).description("MAGAZINE LUIZA").amount("300.00").type("DEBIT")
                        .category("08000000", "Shopping").data(),
                Tx.of(refund, card).date(day(2)).description("ESTORNO MAGAZINE").amount("-50.00").type("CREDIT")
                        .category("08000000", "Shopping").data());

        // The PIX between the two accounts (its counterparty is the company) and the card bill are paired; the
        // supplier's boleto and the customer's PIX, equal and opposite but between strangers, are not.
        eventually(() -> row(pixIn).get("transfer_id"), notNullValue());
        eventually(() -> row(cardPayment).get("transfer_id"), notNullValue());
        assertEquals(row(pixOut).get("transfer_id"), row(pixIn).get("transfer_id"));
        assertEquals(row(bill).get("transfer_id"), row(cardPayment).get("transfer_id"));
        assertEquals("auto", row(pixIn).get("transfer_source"));
        assertNull(row(supplier).get("transfer_id"));
        assertNull(row(customer).get("transfer_id"));
        as(company).get("/api/banking/transactions/" + row(pixOut).get("id") + "/").then()
                .body("transfer_counterpart_id", equalTo(row(pixIn).get("id")));

        JsonPath dashboard = as(company).get("/api/banking/dashboard/").then().statusCode(200).extract().jsonPath();
        assertEquals(new BigDecimal("10077.00"), new BigDecimal(dashboard.getString("current_month.income")));
        // 1234.56 + 77.00 + card (300.00 purchase - 50.00 refund)
        assertEquals(new BigDecimal("1561.56"), new BigDecimal(dashboard.getString("current_month.expenses")));
        assertEquals(new BigDecimal("8515.44"), new BigDecimal(dashboard.getString("current_month.net")));
        assertEquals(new BigDecimal("2600.00"), new BigDecimal(dashboard.getString("current_month.transfers")));
        assertEquals(new BigDecimal("8750.00"), new BigDecimal(dashboard.getString("total_balance")));
        assertEquals(3, dashboard.getInt("total_accounts"));
        assertEquals(12, dashboard.getList("monthly").size());
        assertEquals(dashboard.getString("current_month.income"), dashboard.getString("monthly[11].income"));
        assertEquals(10, dashboard.getList("recent_transactions").size());
        assertEquals(new BigDecimal("1234.56"), new BigDecimal(dashboard.getString(
                "category_breakdown.find { it.flow == 'expense' && it.total == 1234.56 }.total")));
        dashboardEqualsDirectSum();

        // Unpaired by the user: both count again, and a re-sync does not pair them again.
        as(company).delete("/api/banking/transactions/" + row(pixIn).get("id") + "/transfer/").then().statusCode(200)
                .body("transfer_id", equalTo(java.util.Arrays.asList(null, null)));
        dashboard = as(company).get("/api/banking/dashboard/").then().extract().jsonPath();
        assertEquals(new BigDecimal("10577.00"), new BigDecimal(dashboard.getString("current_month.income")));
        dashboardEqualsDirectSum();
        sync(savings, Tx.of(pixIn, savings).date(day(2)).description("PIX RECEBIDO PADARIA LTDA").amount("500.00")
                .category("05070000", "Transfer - PIX").pix(CNPJ).updatedAt(day(3)).data());
        eventually(() -> row(pixIn).get("description"), equalTo("PIX RECEBIDO PADARIA LTDA"));
        assertNull(row(pixIn).get("transfer_id"));
        as(company).delete("/api/banking/transactions/" + row(pixIn).get("id") + "/transfer/").then().statusCode(409);

        // Paired by hand: the supplier's boleto and the customer's PIX (the user knows better).
        as(company).contentType("application/json").body(Map.of("counterpart_id", row(customer).get("id")))
                .post("/api/banking/transactions/" + row(supplier).get("id") + "/transfer/").then().statusCode(200)
                .body("transfer_source", equalTo(List.of("user", "user")));
        dashboardEqualsDirectSum();
        as(company).contentType("application/json").body(Map.of("counterpart_id", row(market).get("id")))
                .post("/api/banking/transactions/" + row(salary).get("id") + "/transfer/").then().statusCode(400)
                .body("errors[0].field", equalTo("counterpart_id"));
        as(company).contentType("application/json").body(Map.of("counterpart_id", UUID.randomUUID().toString()))
                .post("/api/banking/transactions/" + row(salary).get("id") + "/transfer/").then().statusCode(404);
    }

    /**
     * Pairing is looked for only when a read without the company's lock finds a candidate, after the batch
     * committed: the two sides arriving in concurrent batches, and a side without a transfer sign of its own
     * arriving after the side that has one, are still paired.
     */
    @Test
    void transfersArrivingTogetherOrWithTheSignOnTheEarlierSideArePaired() {
        connect();
        String out = unique("t");
        String in = unique("t");
        List<Uni<IngestOutcome>> together = List.of(
                ingest.ingest(batch(company, item, checking, List.of(Tx.of(out, checking).date(day(1))
                        .description("TRANSF MESMA TITULARIDADE").amount("-321.09")
                        .category("04020000", "Same person transfer - PIX").data()), List.of())),
                ingest.ingest(batch(company, item, savings, List.of(Tx.of(in, savings).date(day(1))
                        .description("TRANSF RECEBIDA").amount("321.09").type("CREDIT")
                        .category("04020000", "Same person transfer - PIX").data()), List.of())));
        Uni.join().all(together).andFailFast().await().indefinitely();
        assertNotNull(row(out).get("transfer_id"));
        assertEquals(row(out).get("transfer_id"), row(in).get("transfer_id"));

        // The bill payment carries the sign (a transfer-type category); the card's side, later, has none.
        String bill = unique("t");
        String received = unique("t");
        ingest.ingest(batch(company, item, checking, List.of(Tx.of(bill, checking).date(day(2))
                .description("PAGAMENTO FATURA").amount("-654.32").category("05100000", "Credit card payment")
                .data()), List.of())).await().indefinitely();
        assertNull(row(bill).get("transfer_id"));
        ingest.ingest(batch(company, item, card, List.of(Tx.of(received, card).date(day(3))
                .description("PAGAMENTO RECEBIDO").amount("-654.32").type("CREDIT").category("08000000", "Shopping")
                .data()), List.of())).await().indefinitely();
        assertNotNull(row(received).get("transfer_id"));
        assertEquals(row(bill).get("transfer_id"), row(received).get("transfer_id"));
        // Equal amounts without any sign stay apart.
        String a = unique("t");
        String b = unique("t");
        ingest.ingest(batch(company, item, checking, List.of(Tx.of(a, checking).date(day(4)).description("BOLETO")
                .amount("-98.76").category("05010000", "Transfer - Bank slip").data()), List.of()))
                .await().indefinitely();
        ingest.ingest(batch(company, item, savings, List.of(Tx.of(b, savings).date(day(4)).description("PIX CLIENTE")
                .amount("98.76").type("CREDIT").category("05070000", "Transfer - PIX").data()), List.of()))
                .await().indefinitely();
        assertNull(row(a).get("transfer_id"));
        assertNull(row(b).get("transfer_id"));
        dashboardEqualsDirectSum();
    }

    @Test
    void dashboardFollowsEveryChangeToTheCent() {
        connect();
        UUID expense = Api.category(company, "Despesas gerais", "expense");
        String[] ids = new String[40];
        TransactionData[] rows = new TransactionData[ids.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = unique("t");
            String amount = (i % 3 == 0 ? "" : "-") + (i * 37 + 11) + "." + String.format("%02d", (i * 13) % 100);
            rows[i] = Tx.of(ids[i], checking).date(day(i % 3)).description("LANCAMENTO " + i).amount(amount)
                    .category(i % 2 == 0 ? "10000000" : "11010000", "x").data();
        }
        sync(checking, rows);
        eventually(() -> Api.all(company, "").size(), equalTo(ids.length));
        dashboardEqualsDirectSum();

        // A user's category, a bulk categorisation, an update from Pluggy, a deletion: still equal.
        as(company).contentType("application/json").body(Map.of("category", expense.toString()))
                .patch("/api/banking/transactions/" + row(ids[0]).get("id") + "/").then().statusCode(200);
        as(company).contentType("application/json").body(Map.of("transaction_ids",
                List.of(row(ids[1]).get("id"), row(ids[2]).get("id")), "category_id", expense.toString()))
                .post("/api/banking/transactions/bulk-categorize/").then().statusCode(200);
        sync(checking, Tx.of(ids[3], checking).date(day(1)).description("LANCAMENTO 3").amount("-1.01")
                .updatedAt(day(5)).data());
        eventually(() -> row(ids[3]).get("amount"), equalTo(new BigDecimal("-1.01")));
        publishBatch(batch(company, item, checking, List.of(), List.of(ids[4], ids[5])));
        eventually(() -> Api.all(company, "").size(), equalTo(ids.length - 2));
        dashboardEqualsDirectSum();

        // A category that becomes a transfer type takes its transactions out of income and expenses.
        as(company).contentType("application/json").body(Map.of("type", "transfer"))
                .patch("/api/banking/categories/" + expense + "/").then().statusCode(200);
        dashboardEqualsDirectSum();
        JsonPath dashboard = as(company).get("/api/banking/dashboard/").then().extract().jsonPath();
        assertNotNull(dashboard.get("current_month"));
        assertNull(dashboard.get("category_breakdown.find { it.category_id == '" + expense + "' }"));
        as(company).get("/api/banking/dashboard/").then().body("unreconciled_accounts", hasSize(0))
                .body("accounts_summary.find { it.type == 'CREDIT' }.reconciliation", equalTo("unknown"))
                .body("accounts_summary[0].drift", nullValue());
    }
}
