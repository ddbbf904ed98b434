package io.financehub.ledger;

import static io.financehub.ledger.Api.as;
import static io.financehub.ledger.Api.eventually;
import static io.financehub.ledger.LedgerEvents.account;
import static io.financehub.ledger.LedgerEvents.batch;
import static io.financehub.ledger.LedgerEvents.publishBatch;
import static io.financehub.ledger.LedgerEvents.publishCompany;
import static io.financehub.ledger.LedgerEvents.publishSnapshot;
import static io.financehub.ledger.LedgerEvents.tx;
import static io.financehub.ledger.LedgerEvents.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.financehub.contracts.EventEnvelope;
import io.financehub.contracts.events.AccountData;
import io.financehub.contracts.events.CompanyChange;
import io.financehub.contracts.events.Plan;
import io.financehub.contracts.events.TransactionBatch;
import io.financehub.contracts.events.TransactionData;
import io.financehub.contracts.EventTypes;
import io.financehub.contracts.events.CompanyChanged;
import io.financehub.ledger.service.CompanyService;
import io.financehub.ledger.service.IngestOutcome;
import io.financehub.ledger.service.TransactionIngestService;
import io.financehub.support.testing.JwtTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;

@QuarkusTest
@WithTestResource(JwtTestResource.class)
@WithTestResource(ConsumersStartAtTheEnd.class)
class PlanLimitTest {

    private static final Instant T0 = Instant.parse("2025-04-01T03:00:00Z");

    @Inject
    TransactionIngestService ingest;
    @Inject
    CompanyService companies;

    private final UUID company = UUID.randomUUID();

    private void plan(long limit, CompanyChange change, Instant at) {
        publishCompany(company, limit > 100 ? Plan.PRO : Plan.FREE, limit, change, at);
        eventually(() -> as(company).get("/api/banking/usage/").jsonPath().getLong("monthly_transaction_limit"),
                equalTo(limit));
    }

    private List<String> connect(String item, int accounts) {
        List<String> ids = new ArrayList<>();
        List<AccountData> data = new ArrayList<>();
        for (int i = 0; i < accounts; i++) {
            String id = unique("acc");
            ids.add(id);
            data.add(account(item, id, "Conta " + i, "BANK", "10.00"));
        }
        publishSnapshot(company, item, data.toArray(AccountData[]::new));
        eventually(() -> as(company).get("/api/banking/accounts/").jsonPath().getList("id"), hasSize(accounts));
        return ids;
    }

    private static List<TransactionData> rows(String account, int n) {
        List<TransactionData> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(tx(unique("t"), account, T0.plusSeconds(i * 60L), "COMPRA " + i, "DEBIT", "-1.25", "POSTED",
                    null, T0));
        }
        return rows;
    }

    @Test
    void concurrentBatchesStopExactlyAtTheLimit() {
        plan(23, CompanyChange.CREATED, Instant.now());
        String item = unique("item");
        List<String> accounts = connect(item, 8);
        List<Uni<IngestOutcome>> batches = new ArrayList<>();
        for (String account : accounts) {
            batches.add(ingest.ingest(batch(company, item, account, rows(account, 5), List.of())));
        }
        List<IngestOutcome> outcomes = Uni.join().all(batches).andFailFast().await().indefinitely();

        assertEquals(23, outcomes.stream().mapToInt(IngestOutcome::stored).sum());
        assertEquals(17, outcomes.stream().mapToInt(IngestOutcome::heldBack).sum());
        assertEquals(23, Api.all(company, "page_size=200").size());
        as(company).get("/api/banking/usage/").then().statusCode(200)
                .body("transactions_used", equalTo(23))
                .body("transactions_remaining", equalTo(0))
                .body("held_back", equalTo(17))
                .body("upgrade_required", equalTo(true))
                .body("plan", equalTo("FREE"));
    }

    @Test
    void raisedPlanLetsTheNextSyncBringTheRestIn() {
        plan(3, CompanyChange.CREATED, Instant.now().minusSeconds(60));
        String item = unique("item");
        String account = connect(item, 1).get(0);
        List<TransactionData> rows = rows(account, 5);
        publishBatch(batch(company, item, account, rows, List.of()));
        eventually(() -> as(company).get("/api/banking/usage/").jsonPath().getInt("held_back"), is(2));
        assertEquals(3, Api.all(company, "").size());
        String ledgerAccount = as(company).get("/api/banking/accounts/").jsonPath().getString("[0].id");
        as(company).get("/api/banking/usage/").then()
                .body("transactions_used", equalTo(3))
                .body("upgrade_required", equalTo(true))
                .body("resync", hasSize(1))
                .body("resync[0].account_id", equalTo(ledgerAccount))
                .body("resync[0].held_back", equalTo(2))
                .body("resync[0].from_date", equalTo("2025-04-01"));

        plan(1_000, CompanyChange.PLAN_CHANGED, Instant.now());
        publishBatch(batch(company, item, account, rows, List.of()));   // the next sync carries them again
        eventually(() -> Api.all(company, "").size(), is(5));
        as(company).get("/api/banking/usage/").then()
                .body("transactions_used", equalTo(5))
                .body("transactions_remaining", equalTo(995))
                .body("held_back", equalTo(0))
                .body("upgrade_required", equalTo(false))
                .body("resync", hasSize(0));
    }

    @Test
    void olderCompanyEventNeverUndoesANewerPlan() {
        plan(500, CompanyChange.PLAN_CHANGED, Instant.now());
        companies.apply(EventEnvelope.of(EventTypes.COMPANY_CREATED, company, new CompanyChanged(company, "Padaria",
                Plan.FREE, 10L, CompanyChange.CREATED, Instant.now().minusSeconds(3_600)))).await().indefinitely();
        as(company).get("/api/banking/usage/").then().body("plan", equalTo("PRO"))
                .body("monthly_transaction_limit", equalTo(500));
        publishCompany(company, Plan.ENTERPRISE, null, CompanyChange.PLAN_CHANGED, Instant.now().plusSeconds(1));
        eventually(() -> as(company).get("/api/banking/usage/").jsonPath().getString("plan"), equalTo("ENTERPRISE"));
        as(company).get("/api/banking/usage/").then()
                .body("monthly_transaction_limit", nullValue())
                .body("transactions_remaining", nullValue())
                .body("upgrade_required", equalTo(false));
    }

    @Test
    void updatesOfStoredTransactionsDoNotCountAgainstTheLimit() {
        plan(2, CompanyChange.CREATED, Instant.now());
        String item = unique("item");
        String account = connect(item, 1).get(0);
        List<TransactionData> rows = rows(account, 2);
        EventEnvelope<TransactionBatch> first = batch(company, item, account, rows, List.of());
        assertEquals(2, ingest.ingest(first).await().indefinitely().stored());
        List<TransactionData> changed = rows.stream().map(t -> tx(t.id(), account, t.date(), "ALTERADA", "DEBIT",
                "-9.99", "POSTED", null, T0.plusSeconds(10))).toList();
        IngestOutcome update = ingest.ingest(batch(company, item, account, changed, List.of())).await().indefinitely();
        assertEquals(0, update.stored());
        assertEquals(0, update.heldBack());
        List<?> amounts = Api.all(company, "").stream().map(t -> t.get("amount").toString()).toList();
        assertEquals(List.of("-9.99", "-9.99"), amounts);
        as(company).get("/api/banking/usage/").then().body("transactions_used", equalTo(2))
                .body("upgrade_required", equalTo(false));
    }
}
