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
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.financehub.contracts.events.TransactionData;
import io.financehub.support.testing.JwtTestResource;
import io.financehub.support.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reconciliation against Pluggy's balances, and the streamed CSV export. */
@QuarkusTest
@WithTestResource(JwtTestResource.class)
@WithTestResource(ConsumersStartAtTheEnd.class)
class ReconciliationAndExportTest {

    private static final Instant DAY1 = Instant.parse("2025-06-02T03:00:00Z");

    @Inject
    Pool pool;

    @TestHTTPResource("/")
    URI base;

    private final UUID company = UUID.randomUUID();
    private final String item = unique("item");
    private final String account = unique("acc");

    private Instant day(int n) {
        return DAY1.plusSeconds((n - 1) * 86_400L);
    }

    private void balance(String reported) {
        publishSnapshot(company, item, account(item, account, "Conta", "BANK", reported));
    }

    private String accountId() {
        return eventually(() -> as(company).get("/api/banking/accounts/").then().extract().jsonPath().getString("[0].id"),
                org.hamcrest.Matchers.notNullValue());
    }

    /** One response header as the server sent it, read off the socket (HTTP clients hide hop-by-hop headers). */
    private String rawHeader(String path, String name) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\n"
                    + "Authorization: Bearer " + TestTokens.member(company) + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1));
            for (String line = reader.readLine(); line != null && !line.isEmpty(); line = reader.readLine()) {
                if (line.toLowerCase(java.util.Locale.ROOT).startsWith(name + ":")) {
                    return line.toLowerCase(java.util.Locale.ROOT);
                }
            }
            return null;
        }
    }

    @Test
    void reconcilesToTheCentAndFindsTheDayADriftStarted() {
        balance("925.00");
        String ledgerAccount = accountId();
        // Opening 1,000.00; day 1 holds two transactions with the same timestamp (order unknown), day 2 one.
        publishBatch(batch(company, item, account, List.of(
                Tx.of(unique("t"), account).date(day(1)).amount("50.00").balance("1050.00").data(),
                Tx.of(unique("t"), account).date(day(1)).amount("-100.00").balance("950.00").data(),
                Tx.of(unique("t"), account).date(day(2)).amount("-25.00").balance("925.00").data()), List.of()));
        eventually(() -> as(company).get("/api/banking/accounts/" + ledgerAccount + "/reconciliation/").jsonPath()
                .getString("status"), equalTo("reconciled"));
        as(company).get("/api/banking/accounts/" + ledgerAccount + "/reconciliation/").then().statusCode(200)
                .body("opening_balance", equalTo(new BigDecimal("1000.00"))).body("ledger_balance", equalTo(new BigDecimal("925.00")))
                .body("drift", equalTo(new BigDecimal("0.00"))).body("transactions", equalTo(3));

        // Day 4 says 900.00 after a -5.00: a -20.00 after day 2 never reached the ledger (day 3 had no transaction
        // the ledger knows of, so the drift may have started then).
        publishBatch(batch(company, item, account, List.of(
                Tx.of(unique("t"), account).date(day(4)).amount("-5.00").balance("900.00").data()), List.of()));
        balance("900.00");
        // The batch and the balance travel on two topics: wait for both (the balance alone shows a -25.00 drift).
        eventually(() -> as(company).get("/api/banking/accounts/reconciliation/").jsonPath().getString("[0].transactions"),
                equalTo("4"));
        eventually(() -> as(company).get("/api/banking/accounts/reconciliation/").jsonPath().getString("[0].status"),
                equalTo("drift"));
        as(company).get("/api/banking/accounts/" + ledgerAccount + "/reconciliation/").then()
                .body("drift", equalTo(new BigDecimal("-20.00"))).body("ledger_balance", equalTo(new BigDecimal("920.00")))
                .body("reported_balance", equalTo(new BigDecimal("900.00"))).body("drift_since", equalTo("2025-06-04"));
        as(company).get("/api/banking/accounts/reconciliation/").then().body("[0].drift_since", org.hamcrest.Matchers.nullValue());
        as(company).get("/api/banking/dashboard/").then().body("unreconciled_accounts", hasSize(1))
                .body("unreconciled_accounts[0].account_id", equalTo(ledgerAccount))
                .body("unreconciled_accounts[0].drift", equalTo(new BigDecimal("-20.00")));
        as(UUID.randomUUID()).get("/api/banking/accounts/" + ledgerAccount + "/reconciliation/").then().statusCode(404);
    }

    @Test
    void exportsAnyFilteredListAsCsvStreamed() throws Exception {
        balance("0.00");
        accountId();
        int n = 3_000;
        List<TransactionData> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String description = i == 0 ? "=HYPERLINK(\"http://evil\")" : i == 1 ? "PIX; \"aspas\" e ponto e vírgula"
                    : "COMPRA Açúcar " + i;
            rows.add(Tx.of("x-" + UUID.randomUUID(), account).date(DAY1.plusSeconds(i * 60L)).description(description)
                    .amount((i % 4 == 0 ? "" : "-") + (1000 + i * 7) / 100 + "." + String.format("%02d", i % 100))
                    .data());
        }
        for (int from = 0; from < n; from += 500) {
            publishBatch(batch(company, item, account, rows.subList(from, from + 500), List.of()));
        }
        eventually(() -> pool.preparedQuery("SELECT count(*) FROM transactions WHERE company_id = $1")
                .execute(Tuple.of(company)).await().indefinitely().iterator().next().getLong(0), equalTo((long) n));
        BigDecimal expectedSum = pool.preparedQuery("SELECT sum(amount) FROM transactions WHERE company_id = $1")
                .execute(Tuple.of(company)).await().indefinitely().iterator().next().getBigDecimal(0);

        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                base.resolve("/api/banking/exports/transactions.csv?ordering=date"))
                .header("Authorization", "Bearer " + TestTokens.member(company)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("text/csv"));
        assertTrue(response.headers().firstValue("content-disposition").orElse("").contains("attachment"));
        assertTrue(response.headers().firstValue("content-length").isEmpty(), "streamed, not buffered");
        assertEquals("transfer-encoding: chunked", rawHeader("/api/banking/exports/transactions.csv",
                "transfer-encoding"));
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
            }
        }
        assertEquals(n + 1, lines.size());
        assertTrue(lines.get(0).startsWith("\uFEFFdate;description;amount;currency;type"), lines.get(0));
        // A formula is written as text (leading apostrophe), quotes doubled, decimal comma, no thousands mark.
        assertTrue(lines.get(1).startsWith("2025-06-02;\"'=HYPERLINK(\"\"http://evil\"\")\";10,00;BRL;CREDIT;POSTED;Conta;"),
                lines.get(1));
        assertTrue(lines.get(2).contains(";\"PIX; \"\"aspas\"\" e ponto e vírgula\";"), lines.get(2));
        BigDecimal sum = BigDecimal.ZERO;
        for (String line : lines.subList(1, lines.size())) {
            String amount = line.substring(0, line.indexOf(";BRL;"));
            sum = sum.add(new BigDecimal(amount.substring(amount.lastIndexOf(';') + 1).replace(',', '.')));
        }
        assertEquals(expectedSum, sum);

        // Filtered, and for an English spreadsheet.
        String en = as(company).get("/api/banking/exports/transactions.csv?locale=en&min_amount=30&type=CREDIT")
                .then().statusCode(200).extract().asString();
        List<String> enLines = en.lines().toList();
        long expected = rows.stream().filter(t -> t.amount().signum() > 0 && t.amount().compareTo(new BigDecimal("30"))
                >= 0).count();
        assertEquals(expected + 1, enLines.size());
        assertTrue(enLines.get(1).matches("\\d{4}-\\d{2}-\\d{2},[^,]*,\\d+\\.\\d{2},BRL,CREDIT,.*"), enLines.get(1));
        as(company).get("/api/banking/exports/transactions.csv?locale=fr").then().statusCode(400)
                .body("errors[0].field", equalTo("locale"));
        as(company).get("/api/banking/exports/transactions.csv?start_date=yesterday").then().statusCode(400)
                .body("errors[0].field", equalTo("start_date"));
        as(UUID.randomUUID()).get("/api/banking/exports/transactions.csv").then().statusCode(200)
                .body(startsWith("\uFEFFdate;"));
    }
}
