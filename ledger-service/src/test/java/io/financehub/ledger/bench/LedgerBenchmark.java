package io.financehub.ledger.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.financehub.contracts.EventEnvelope;
import io.financehub.contracts.EventTypes;
import io.financehub.contracts.events.Merchant;
import io.financehub.contracts.events.TransactionBatch;
import io.financehub.contracts.events.TransactionData;
import io.financehub.ledger.SearchText;
import io.financehub.ledger.messaging.Channels;
import io.financehub.ledger.repository.Categorization;
import io.financehub.ledger.repository.TransactionIngestRepository;
import io.financehub.ledger.service.LedgerCalendar;
import io.financehub.support.testing.JwtTestResource;
import io.financehub.support.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Prints the ledger's performance figures, all measured in one run on loopback (see
 * docs/benchmarks/ledger-service.md): ingest through Kafka against pgbench running the ledger's batch statement (and
 * its upsert alone) and the spec's per-row path; then GET /transactions/ latency under wrk with two million rows.
 * Bounded: a few minutes.
 */
@QuarkusTest
@TestProfile(BenchmarkProfile.class)
@WithTestResource(JwtTestResource.class)
@EnabledIfSystemProperty(named = "bench", matches = "true")
class LedgerBenchmark {

    private static final int BATCH = 500;
    private static final int ACCOUNTS = 24;
    private static final int MEASURED_BATCHES = Integer.getInteger("bench.batches", 240);
    private static final int WARM_UP_BATCHES = Integer.getInteger("bench.warm-up-batches", 480);
    private static final int PGBENCH_SECONDS = Integer.getInteger("bench.pgbench-seconds", 20);
    private static final int ROUND_PGBENCH_SECONDS = Integer.getInteger("bench.round-pgbench-seconds", 10);
    private static final int INGEST_ROUNDS = Integer.getInteger("bench.ingest-rounds", 3);
    private static final int ROWS_PER_COMPANY = Integer.getInteger("bench.rows", 1_000_000);
    /** all, ingest or queries. */
    private static final String PART = System.getProperty("bench.part", "all");

    private static final String[] PREFIXES = { "PIX ENVIADO", "PIX RECEBIDO", "COMPRA CARTÃO", "PAGAMENTO BOLETO",
            "TED ENVIADA", "TED RECEBIDA", "DÉBITO AUTOMÁTICO", "SAQUE", "TARIFA", "RENDIMENTO" };
    private static final String[] FIRST = { "João", "José", "Conceição", "Antônio", "Márcia", "Sérgio", "Luís",
            "Inês", "Júlia", "Fábio", "Cláudia", "André", "Tânia", "Vinícius", "Lúcia", "Mônica", "Célia", "Rômulo",
            "Patrícia", "Vitória" };
    private static final String[] LAST = { "Araújo", "Gonçalves", "Simões", "Romão", "Brandão", "Lopes", "Magalhães",
            "Guimarães", "Conceição", "Assunção" };
    private static final String[] MERCHANTS = { "Pão de Açúcar", "Drogaria Saúde", "Posto Ipê", "iFood",
            "Magazine Luiza", "Açougue Boi Bom", "Padaria São João", "Café Três Corações", "Uber", "Netflix" };

    @Inject
    Pool pool;
    @Inject
    ObjectMapper mapper;
    @Inject
    LedgerCalendar calendar;
    @Inject
    KafkaClientService kafka;

    @TestHTTPResource("/")
    URL base;

    private final UUID company = UUID.randomUUID();
    private final List<UUID> accountIds = new ArrayList<>();
    private final List<String> pluggyAccounts = new ArrayList<>();

    @Test
    void printFigures() throws Exception {
        seedCompanyAndAccounts();
        if (!"queries".equals(PART)) {
            measureIngest();
        }
        if (!"ingest".equals(PART)) {
            loadQueryDataset();
            explainMainQueries();
            runWrk();
        }
    }

    // ---------------------------------------------------------------- ingest

    private void measureIngest() throws Exception {
        // The ledger and pgbench alternate, round after round: the machine's speed drifts by a third over minutes
        // here, so each round's ratio compares figures taken seconds apart, and the median round is the result.
        List<Double> ratios = new ArrayList<>();
        List<Double> ledgerRates = new ArrayList<>();
        String store = batchScript(TransactionIngestRepository.store(Categorization.NO_RULES, new ArrayList<>()));
        double setBasedBest = 0;
        try (KafkaProducer<String, byte[]> producer = producer()) {
            warmUp(producer);
            for (int round = 1; round <= INGEST_ROUNDS; round++) {
                double ledger = ingestWindow(producer, round);
                // pgbench's best for the ledger's statement as the ledger sends it: parsed and planned with its
                // values every time (extended protocol, unnamed statement).
                double extended2 = pgbench("store", store, 2, "extended", ROUND_PGBENCH_SECONDS) * BATCH;
                double extended4 = pgbench("store", store, 4, "extended", ROUND_PGBENCH_SECONDS) * BATCH;
                double best = Math.max(extended2, extended4);
                String prefix = "ingest, round " + round + ", ";
                print(prefix + "ledger (Kafka -> PostgreSQL), rows/s", ledger);
                print(prefix + "pgbench the ledger's batch statement, extended, 2 clients, rows/s", extended2);
                print(prefix + "pgbench the ledger's batch statement, extended, 4 clients, rows/s", extended4);
                print(prefix + "ratio ledger / best pgbench of the same statement", ledger / best);
                ratios.add(ledger / best);
                ledgerRates.add(ledger);
                setBasedBest = Math.max(setBasedBest, best);
            }
        }
        String upsert = batchScript(TransactionIngestRepository.upsert(Categorization.NO_RULES, new ArrayList<>()));
        // Prepared once, PostgreSQL moves the statement to its generic plan after five executions (slower here).
        double storedPrepared4 = pgbench("store", store, 4, "prepared", PGBENCH_SECONDS) * BATCH;
        double upsert2 = pgbench("upsert", upsert, 2, "prepared", PGBENCH_SECONDS) * BATCH;
        double upsert4 = pgbench("upsert", upsert, 4, "prepared", PGBENCH_SECONDS) * BATCH;
        double perRow = pgbench("per-row", perRowScript(), 2, "prepared", PGBENCH_SECONDS);
        double ledger = median(ledgerRates);
        print("ingest, ledger, median of the rounds, rows/s", ledger);
        print("ingest, pgbench the ledger's batch statement, best round, extended, rows/s", setBasedBest);
        print("ingest, pgbench the ledger's batch statement, prepared, 4 clients, rows/s", storedPrepared4);
        print("ingest, pgbench its upsert alone, prepared, 2 clients, rows/s", upsert2);
        print("ingest, pgbench its upsert alone, prepared, 4 clients, rows/s", upsert4);
        print("ingest, pgbench per-row path (lock usage, look up, insert, update usage, commit), 2 clients, rows/s",
                perRow);
        print("ratio ledger / pgbench of the same statement, median of the rounds (target >= 0.70)",
                median(ratios));
        print("ratio ledger / pgbench of the same statement, worst round", ratios.stream().mapToDouble(d -> d)
                .min().orElseThrow());
        print("ratio ledger / best pgbench of the upsert alone", ledger / Math.max(upsert2, upsert4));
        print("ratio ledger / per-row (target >= 40)", ledger / perRow);
        print("ratio best pgbench of the same statement / per-row (the most any consumer could reach)",
                setBasedBest / perRow);
        sql("TRUNCATE transactions, transaction_usage, held_back_transactions, transaction_tombstones");
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private void seedCompanyAndAccounts() {
        sql("TRUNCATE transactions, transaction_usage, held_back_transactions, transaction_tombstones, accounts, "
                + "companies, pending_batches, removed_items");
        sql("INSERT INTO companies (id, name, plan, monthly_transaction_limit, changed_at) VALUES ('" + company
                + "', 'Bench', 'ENTERPRISE', NULL, now())");
        for (int i = 0; i < ACCOUNTS; i++) {
            String pluggy = "bench-acc-" + i + "-" + UUID.randomUUID();
            UUID id = pool.preparedQuery("""
                    INSERT INTO accounts (company_id, pluggy_account_id, pluggy_item_id, type, name, observed_at)
                    VALUES ($1, $2, 'bench-item', 'BANK', $3, now()) RETURNING id""")
                    .execute(Tuple.of(company, pluggy, "Conta " + i)).await().indefinitely().iterator().next()
                    .getUUID("id");
            accountIds.add(id);
            pluggyAccounts.add(pluggy);
        }
    }

    private List<TransactionData> rows(String account, String prefix, int n) {
        List<TransactionData> rows = new ArrayList<>(n);
        Instant now = Instant.now();
        for (int i = 0; i < n; i++) {
            int h = (prefix.hashCode() * 31 + i) & 0x7fffffff;
            String merchant = MERCHANTS[h % MERCHANTS.length];
            String description = PREFIXES[h % PREFIXES.length] + " " + FIRST[(h / 7) % FIRST.length] + " "
                    + LAST[(h / 131) % LAST.length] + " " + (h % 9973);
            BigDecimal amount = BigDecimal.valueOf((h % 500_000) - 250_000, 2);
            rows.add(new TransactionData(prefix + "-" + i, account, now.minusSeconds(h % 31_536_000L), description,
                    description, amount.signum() < 0 ? "DEBIT" : "CREDIT", amount, null, null, "BRL", "Shopping",
                    "05000000", "POSTED", null, null, "PIX", null, null,
                    new Merchant(merchant, merchant + " Ltda", "12345678000199", "Retail", "4711302"), now, now));
        }
        return rows;
    }

    private List<ProducerRecord<String, byte[]>> batches(String run, int count) throws IOException {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(count);
        for (int b = 0; b < count; b++) {
            String account = pluggyAccounts.get(b % ACCOUNTS);
            TransactionBatch batch = new TransactionBatch("bench-item", account, UUID.randomUUID(), b + 1,
                    rows(account, run + "-" + b, BATCH), List.of());
            records.add(new ProducerRecord<>(BenchmarkProfile.TRANSACTIONS, account,
                    mapper.writeValueAsBytes(EventEnvelope.of(EventTypes.TRANSACTIONS_BATCH, company, batch))));
        }
        return records;
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092",
                ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2_000_000),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Long enough for the JIT to finish with the ingest path: the figures are the steady state. */
    private void warmUp(KafkaProducer<String, byte[]> producer) throws Exception {
        batches("warm-" + UUID.randomUUID(), WARM_UP_BATCHES).forEach(producer::send);
        producer.flush();
        awaitRows((long) WARM_UP_BATCHES * BATCH);
    }

    /**
     * Times the ledger's own work: the measured batches are loaded into the topic while the ledger's consumers are
     * paused, then the consumers resume and the clock runs until every row is stored. Producing is not the ledger's
     * work (in production sync-service and the broker run elsewhere), so it is kept out of the figure.
     */
    private double ingestWindow(KafkaProducer<String, byte[]> producer, int round) throws Exception {
        sql("TRUNCATE transactions, transaction_usage");
        List<ProducerRecord<String, byte[]>> measured = batches("run-" + UUID.randomUUID(), MEASURED_BATCHES);
        long rows = (long) MEASURED_BATCHES * BATCH;
        // With concurrency, the channel runs as ledger-transactions$1..n, one consumer each.
        List<KafkaConsumer<Object, Object>> consumers = kafka.getConsumerChannels().stream()
                .filter(channel -> channel.startsWith(Channels.TRANSACTIONS))
                .flatMap(channel -> kafka.<Object, Object> getConsumers(channel).stream()).toList();
        if (consumers.isEmpty()) {
            throw new IllegalStateException("No consumer of " + Channels.TRANSACTIONS);
        }
        for (KafkaConsumer<Object, Object> consumer : consumers) {
            consumer.pause().await().atMost(Duration.ofSeconds(10));
        }
        measured.forEach(producer::send);
        producer.flush();
        // What the consumers had fetched before the pause is still applied: wait until the count stands still,
        // then time the rest.
        long before = -1;
        long early = count(storedProbe());
        while (early != before) {
            Thread.sleep(1_000);
            before = early;
            early = count(storedProbe());
        }
        if (early >= rows / 2) {
            throw new IllegalStateException(early + " of " + rows + " rows were stored while paused");
        }
        CpuSplit cpu = CpuSplit.start();
        long start = System.nanoTime();
        System.out.println("BENCH ingest window " + round + " starts " + Instant.now());
        for (KafkaConsumer<Object, Object> consumer : consumers) {
            consumer.resume().await().atMost(Duration.ofSeconds(10));
        }
        awaitRows(rows);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.println("BENCH ingest window " + round + " ends " + Instant.now() + ", " + cpu.stop());
        return (rows - early) / seconds;
    }

    private String storedProbe() {
        // The usage counter counts stored rows: a one-row probe, where count(*) would scan the growing table.
        return "SELECT coalesce(sum(used), 0) FROM transaction_usage WHERE company_id = '" + company + "'";
    }

    private void awaitRows(long expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (count(storedProbe()) < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Ingest did not finish within 5 minutes");
            }
            Thread.sleep(100);
        }
    }

    /**
     * One of the ledger's batch statements with the batch inlined as array literals ($1..$26; $27 this month, $28 no
     * limit, as the ledger sends for an unlimited plan); ids are fresh on every execution.
     */
    private String batchScript(String statement) {
        List<TransactionData> sample = rows(pluggyAccounts.get(0), "pgb", BATCH);
        Map<Integer, String> values = new HashMap<>();
        values.put(1, "'" + company + "'::uuid");
        values.put(2, "'" + accountIds.get(0) + "'::uuid");
        values.put(3, "(SELECT array_agg('pgb-' || :r || '-' || g) FROM generate_series(1, " + BATCH + ") g)");
        values.put(4, textArray(sample.stream().map(TransactionData::type).toList()));
        values.put(5, textArray(sample.stream().map(TransactionData::status).toList()));
        values.put(6, textArray(sample.stream().map(TransactionData::description).toList()));
        values.put(7, textArray(sample.stream().map(TransactionData::descriptionRaw).toList()));
        values.put(8, "ARRAY[" + sample.stream().map(t -> t.amount().toPlainString()).collect(Collectors.joining(","))
                + "]::numeric[]");
        values.put(9, "ARRAY[" + sample.stream().map(t -> "NULL").collect(Collectors.joining(",")) + "]::numeric[]");
        values.put(10, values.get(9));
        values.put(11, textArray(sample.stream().map(TransactionData::currencyCode).toList()));
        values.put(12, "ARRAY[" + sample.stream().map(t -> "'" + t.date() + "'").collect(Collectors.joining(","))
                + "]::timestamptz[]");
        values.put(13, textArray(sample.stream().map(TransactionData::categoryId).toList()));
        values.put(14, textArray(sample.stream().map(TransactionData::category).toList()));
        values.put(15, textArray(sample.stream().map(t -> t.merchant().name()).toList()));
        values.put(16, textArray(sample.stream().map(t -> "{\"name\":\"" + t.merchant().name() + "\"}").toList()));
        values.put(17, textArray(sample.stream().map(t -> (String) null).toList()));
        values.put(18, values.get(17));
        values.put(19, values.get(17));
        values.put(20, values.get(17));
        values.put(21, textArray(sample.stream().map(TransactionData::operationType).toList()));
        values.put(22, textArray(sample.stream().map(t -> SearchText.ofTransaction(t.description(),
                t.merchant().name(), t.merchant().businessName())).toList()));
        values.put(23, values.get(12));
        values.put(24, values.get(12));
        values.put(25, textArray(sample.stream().map(t -> SearchText.fold(t.merchant().name())).toList()));
        values.put(26, textArray(sample.stream().map(t -> t.merchant().cnpj()).toList()));
        values.put(27, "'" + calendar.currentMonth() + "'::date");
        values.put(28, Long.MAX_VALUE + "::bigint");
        // pgbench takes a statement on one line, so its comments go first (the statement's, never the data's).
        Matcher m = Pattern.compile("\\$(\\d+)(::[a-z]+\\[\\])?").matcher(statement.replaceAll("--[^\n]*", ""));
        StringBuilder sql = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sql, Matcher.quoteReplacement(values.get(Integer.parseInt(m.group(1)))));
        }
        m.appendTail(sql);
        return "\\set r random(1, 1000000000000)\n" + sql.toString().replaceAll("\\s+", " ").trim() + ";\n";
    }

    private String perRowScript() {
        LocalDate month = calendar.currentMonth();
        sql("INSERT INTO transaction_usage (company_id, month, used) VALUES ('" + company + "', '" + month
                + "', 0) ON CONFLICT DO NOTHING");
        String usage = "company_id = '" + company + "' AND month = '" + month + "'";
        return String.join("\n",
                "\\set r random(1, 1000000000000)",
                "BEGIN;",
                "SELECT used FROM transaction_usage WHERE " + usage + " FOR UPDATE;",
                "SELECT id FROM transactions WHERE pluggy_transaction_id = 'row-' || :r;",
                "INSERT INTO transactions (company_id, account_id, pluggy_transaction_id, type, status, description,"
                        + " amount, currency_code, date, merchant_name, merchant, search_text, pluggy_updated_at)"
                        + " VALUES ('" + company + "', '" + accountIds.get(0) + "', 'row-' || :r, 'DEBIT', 'POSTED',"
                        + " 'COMPRA CARTÃO Márcia Simões 4242', -42.42, 'BRL', now(), 'Pão de Açúcar',"
                        + " '{\"name\":\"Pão de Açúcar\"}', 'compra cartao marcia simoes 4242 pao de acucar', now());",
                "UPDATE transaction_usage SET used = used + 1 WHERE " + usage + ";",
                "COMMIT;", "");
    }

    private static String textArray(List<String> values) {
        return "ARRAY[" + values.stream().map(v -> v == null ? "NULL" : "'" + v.replace("'", "''") + "'")
                .collect(Collectors.joining(",")) + "]::text[]";
    }

    /** Runs pgbench against ledger_bench as the ledger role; returns transactions per second. */
    private double pgbench(String name, String script, int clients, String protocol, int seconds)
            throws IOException, InterruptedException {
        sql("TRUNCATE transactions");
        Path file = Files.createTempFile("ledger-" + name, ".sql");
        Files.writeString(file, script);
        ProcessBuilder pb = new ProcessBuilder("pgbench", "-h", "127.0.0.1", "-U", "ledger", "-n", "-M", protocol,
                "-c", Integer.toString(clients), "-j", Integer.toString(clients), "-T",
                Integer.toString(seconds), "-f", file.toString(), "ledger_bench").redirectErrorStream(true);
        pb.environment().put("PGPASSWORD", System.getenv().getOrDefault("DB_PASSWORD", "financehub-dev"));
        Process process = pb.start();
        String out = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        Files.delete(file);
        Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(out);
        if (!tps.find()) {
            throw new IllegalStateException("pgbench " + name + " failed:\n" + out);
        }
        return Double.parseDouble(tps.group(1));
    }

    // ---------------------------------------------------------------- queries

    /**
     * Two companies with ROWS_PER_COMPANY transactions each, 10 accounts, 20 categories, two years of dates in
     * insertion order (as syncs write them), pending ones only among the most recent. Loaded without indexes, which
     * are then rebuilt.
     */
    private void loadQueryDataset() {
        long start = System.nanoTime();
        List<String> indexes = pool.query("SELECT indexdef FROM pg_indexes WHERE tablename = 'transactions' "
                + "AND indexname LIKE 'transactions_%_idx'").execute().await().indefinitely().stream()
                .map(r -> r.getString(0)).toList();
        pool.query("SELECT indexname FROM pg_indexes WHERE tablename = 'transactions' "
                + "AND indexname LIKE 'transactions_%_idx'").execute().await().indefinitely()
                .forEach(r -> sql("DROP INDEX " + r.getString(0)));
        sql(generate(company, accountIds.subList(0, 10)));
        List<UUID> otherAccounts = java.util.stream.Stream.generate(UUID::randomUUID).limit(10).toList();
        sql(generate(UUID.randomUUID(), otherAccounts));
        indexes.forEach(this::sql);
        sql("VACUUM ANALYZE transactions");
        print("query dataset: rows", count("SELECT count(*) FROM transactions"));
        print("query dataset: load + index seconds", (System.nanoTime() - start) / 1e9);
        print("query dataset: table + indexes MB",
                count("SELECT pg_total_relation_size('transactions') / 1048576"));
    }

    private String generate(UUID c, List<UUID> accountsOfCompany) {
        String accounts = accountsOfCompany.stream().map(a -> "'" + a + "'::uuid").collect(Collectors.joining(","));
        return """
                INSERT INTO transactions (company_id, account_id, pluggy_transaction_id, type, status, description,
                    amount, currency_code, date, category_id, merchant_name, search_text, pluggy_updated_at)
                SELECT '%1$s'::uuid, (ARRAY[%2$s])[1 + (hashint4(g)::bigint & 2147483647) %% 10], '%1$s-' || g, d.type,
                       CASE WHEN g > %3$d - 2000 THEN 'PENDING' ELSE 'POSTED' END, d.description, d.amount, 'BRL',
                       now() - interval '730 days' + g * (interval '730 days' / %3$d),
                       CASE WHEN g %% 3 = 0 THEN NULL ELSE md5('cat' || (g %% 20))::uuid END, d.merchant,
                       lower(public.unaccent(d.description || ' ' || d.merchant || ' ' || d.merchant || ' Ltda')),
                       now()
                FROM generate_series(1, %3$d) g,
                LATERAL (SELECT
                    (ARRAY[%4$s])[1 + g %% 10] || ' ' || (ARRAY[%5$s])[1 + (g / 7) %% 20] || ' '
                        || (ARRAY[%6$s])[1 + (g / 131) %% 10] || ' ' || (g %% 9973) AS description,
                    (ARRAY[%7$s])[1 + (g / 3) %% 10] AS merchant,
                    ((g::bigint * 7919) %% 500000 - 250000) / 100.0 AS amount,
                    CASE WHEN (g::bigint * 7919) %% 500000 >= 250000 THEN 'CREDIT' ELSE 'DEBIT' END AS type) d
                """.formatted(c, accounts, ROWS_PER_COMPANY, quoted(PREFIXES), quoted(FIRST), quoted(LAST),
                quoted(MERCHANTS));
    }

    private static String quoted(String[] values) {
        return Arrays.stream(values).map(v -> "'" + v + "'").collect(Collectors.joining(","));
    }

    private List<String> queries() {
        UUID account = accountIds.get(3);
        String category = pool.query("SELECT md5('cat7')::uuid").execute().await().indefinitely().iterator().next()
                .getUUID(0).toString();
        return List.of(
                "search=pix&account_id=" + account,
                "search=conceicao&type=CREDIT",
                "search=acucar&status=PENDING",
                "search=romao&category_id=" + category,
                "search=marcia%20simoes&start_date=2024-06-01&end_date=2024-12-31",
                "search=ifood&min_amount=100&max_amount=500",
                "search=tarifa&ordering=-amount",
                "search=guimaraes%204242&account_id=" + account,
                "search=padaria%20sao%20joao&type=DEBIT",
                "search=rendimento%20vitoria&status=POSTED");
    }

    /**
     * The ten wrk queries as SQL conditions with their values inlined, in the order of {@link #queries()}, written as
     * TransactionFilter writes them: a term of several words as '%w1%w2%' plus the exact phrase, and the search
     * within the short date range (about 40,000 rows here) as a test of each row of the range.
     */
    private List<String> conditions() {
        String category = pool.query("SELECT md5('cat7')::uuid").execute().await().indefinitely().iterator().next()
                .getUUID(0).toString();
        String account = "t.account_id = '" + accountIds.get(3) + "'";
        return List.of(
                "t.search_text LIKE '%pix%' AND " + account,
                "t.search_text LIKE '%conceicao%' AND t.type = 'CREDIT'",
                "t.search_text LIKE '%acucar%' AND t.status = 'PENDING'",
                "t.search_text LIKE '%romao%' AND t.category_id = '" + category + "'",
                "strpos(t.search_text, 'marcia simoes') > 0 AND t.date >= '" + calendar.startOf(LocalDate.of(2024, 6, 1))
                        + "' AND t.date < '" + calendar.startOf(LocalDate.of(2025, 1, 1)) + "'",
                "t.search_text LIKE '%ifood%' AND t.amount >= 100 AND t.amount <= 500",
                "t.search_text LIKE '%tarifa%'",
                // 4242 is rare and guimaraes common (the column's statistics say so): the index gets 4242 alone.
                "t.search_text LIKE '%4242%' AND NOT strpos(t.search_text, 'guimaraes 4242') = 0 AND " + account,
                "t.search_text LIKE '%padaria%sao%joao%' AND NOT strpos(t.search_text, 'padaria sao joao') = 0 "
                        + "AND t.type = 'DEBIT'",
                "t.search_text LIKE '%rendimento%vitoria%' AND NOT strpos(t.search_text, 'rendimento vitoria') = 0 "
                        + "AND t.status = 'POSTED'");
    }

    private void explainMainQueries() {
        List<String> conditions = conditions();
        for (int i = 0; i < conditions.size(); i++) {
            String order = i == 6 ? "t.amount DESC, t.id DESC" : "t.date DESC, t.id DESC";
            String sql = "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT t.id FROM transactions t WHERE t.company_id = '"
                    + company + "' AND " + conditions.get(i) + " ORDER BY " + order + " LIMIT 51";
            System.out.println("BENCH EXPLAIN " + conditions.get(i) + " ORDER BY " + order);
            pool.query(sql).execute().await().indefinitely().forEach(r -> System.out.println("    " + r.getString(0)));
        }
    }

    /**
     * One client, no concurrency: the median time of each of the ten requests over HTTP, beside the database's own
     * planning + execution time of the same query (EXPLAIN ANALYZE, warm). The difference is the service's share.
     */
    private void timeEachRequest(String token) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        List<String> queries = queries();
        List<String> conditions = conditions();
        String url = base.toString().replaceAll("/$", "");
        for (int i = 0; i < queries.size(); i++) {
            URI uri = URI.create(url + "/api/banking/transactions/?" + queries.get(i));
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .header("Authorization", "Bearer " + token).build();
            long[] nanos = new long[25];
            for (int k = 0; k < nanos.length; k++) {
                long start = System.nanoTime();
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                nanos[k] = System.nanoTime() - start;
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(queries.get(i) + " answered " + response.statusCode());
                }
            }
            Arrays.sort(nanos, 5, nanos.length);
            String order = i == 6 ? "t.amount DESC, t.id DESC" : "t.date DESC, t.id DESC";
            double db = 0;
            String explain = "EXPLAIN (ANALYZE, COSTS OFF) SELECT t.*, t.merchant::text, t.payment_data::text FROM "
                    + "transactions t WHERE t.company_id = '" + company + "' AND " + conditions.get(i) + " ORDER BY "
                    + order + " LIMIT 51";
            for (Row r : pool.query(explain).execute().await().indefinitely()) {
                Matcher m = Pattern.compile("(Planning|Execution) Time: ([0-9.]+) ms").matcher(r.getString(0));
                if (m.find()) {
                    db += Double.parseDouble(m.group(2));
                }
            }
            System.out.printf("BENCH one client, median of 20: %-60s HTTP %6.2f ms, PostgreSQL (plan + run) %6.2f ms%n",
                    queries.get(i).replaceAll("=[0-9a-f-]{36}", "=…"), nanos[15] / 1e6, db);
        }
    }

    private void runWrk() throws IOException, InterruptedException {
        String token = TestTokens.member(company);
        List<String> listPaths = queries().stream().map(q -> "/api/banking/transactions/?" + q).toList();
        wrk("transactions warm-up", listPaths, token, 20, 10, 0);
        timeEachRequest(token);
        wrk("GET /transactions/ (10 queries: one filter + search), 20 connections, no pause", listPaths, token, 20, 30,
                0);
        wrk("GET /transactions/, 20 users each pausing 100 ms between requests", listPaths, token, 20, 30, 100);
        List<String> dashboard = List.of("/api/banking/dashboard/");
        wrk("dashboard warm-up", dashboard, token, 20, 10, 0);
        wrk("GET /dashboard/ (1,000,000 transactions), 20 connections, no pause", dashboard, token, 20, 30, 0);
        wrk("GET /dashboard/, 20 users each pausing 100 ms between requests", dashboard, token, 20, 30, 100);
        measureExport(token);
    }

    /** Runs wrk over the paths in turn and prints its rate and latency percentiles on one BENCH line. */
    private void wrk(String name, List<String> paths, String token, int connections, int seconds, int pauseMillis)
            throws IOException, InterruptedException {
        StringBuilder lua = new StringBuilder("local paths = {\n");
        paths.forEach(p -> lua.append("  \"").append(p).append("\",\n"));
        lua.append("}\nlocal i = 0\nwrk.headers[\"Authorization\"] = \"Bearer ").append(token).append("\"\n")
                .append("request = function()\n  i = i + 1\n")
                .append("  return wrk.format(\"GET\", paths[(i % #paths) + 1])\nend\n")
                .append("function delay()\n  return ").append(pauseMillis).append("\nend\n")
                .append("response = function(status, headers, body)\n")
                .append("  if status ~= 200 then print(\"status \" .. status .. \" \" .. body) end\nend\n")
                .append("function done(summary, latency, requests)\n")
                .append("  io.write(string.format(\"RESULT %d %d %d %d %d %d %d\\n\", summary.requests, ")
                .append("summary.duration, latency:percentile(50), latency:percentile(90), latency:percentile(99), ")
                .append("latency.max, summary.errors.status + summary.errors.timeout + summary.errors.read))\nend\n");
        Path script = Files.createTempFile("ledger-wrk", ".lua");
        Files.writeString(script, lua.toString());
        Process wrk = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--timeout", "10s",
                "-s", script.toString(), base.toString().replaceAll("/$", "")).redirectErrorStream(true).start();
        String out = new String(wrk.getInputStream().readAllBytes());
        wrk.waitFor();
        Files.delete(script);
        Matcher m = Pattern.compile("RESULT (\\d+) (\\d+) (\\d+) (\\d+) (\\d+) (\\d+) (\\d+)").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("wrk printed no result:\n" + out);
        }
        double requests = Double.parseDouble(m.group(1));
        double secondsRun = Double.parseDouble(m.group(2)) / 1e6;
        System.out.printf("BENCH wrk %-90s %8.1f req/s  p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  max %7.2f ms"
                + "  errors %s%n", name, requests / secondsRun, Long.parseLong(m.group(3)) / 1e3,
                Long.parseLong(m.group(4)) / 1e3, Long.parseLong(m.group(5)) / 1e3, Long.parseLong(m.group(6)) / 1e3,
                m.group(7));
    }

    /**
     * Streams the CSV export of the company's 1,000,000 transactions and reads it to the end, sampling the heap
     * that survives each collection: constant memory shows as a flat live heap.
     */
    private void measureExport(String token) throws IOException, InterruptedException {
        List<java.lang.management.MemoryPoolMXBean> pools = java.lang.management.ManagementFactory
                .getMemoryPoolMXBeans().stream().filter(p -> p.getType() == java.lang.management.MemoryType.HEAP
                        && p.getCollectionUsage() != null).toList();
        System.gc();
        long before = liveHeap(pools);
        long[] peak = { before };
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                peak[0] = Math.max(peak[0], liveHeap(pools));
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        long start = System.nanoTime();
        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(base.toString().replaceAll("/$", "") + "/api/banking/exports/transactions.csv"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofInputStream());
        long bytes = 0;
        long lines = 0;
        byte[] buffer = new byte[65_536];
        try (java.io.InputStream in = response.body()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                bytes += n;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        running.set(false);
        sampler.join();
        print("export: rows (CSV lines less the header)", lines - 1);
        print("export: seconds", seconds);
        print("export: rows/s", (lines - 1) / seconds);
        print("export: MB", bytes / 1e6);
        print("export: live heap before, MiB", before / 1048576.0);
        print("export: live heap peak during the export, MiB", peak[0] / 1048576.0);
    }

    private static long liveHeap(List<java.lang.management.MemoryPoolMXBean> pools) {
        return pools.stream().mapToLong(p -> p.getCollectionUsage().getUsed()).sum();
    }

    // ---------------------------------------------------------------- helpers

    private void sql(String statement) {
        pool.query(statement).execute().await().indefinitely();
    }

    private long count(String query) {
        return pool.query(query).execute().await().indefinitely().iterator().next().getLong(0);
    }

    private static void print(String what, double value) {
        System.out.printf("BENCH %-100s %,.2f%n", what, value);
    }
}
