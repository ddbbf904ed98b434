package io.financehub.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.financehub.contracts.EventEnvelope;
import io.financehub.contracts.EventTypes;
import io.financehub.contracts.events.TransactionBatch;
import io.financehub.contracts.events.TransactionData;
import io.financehub.pluggy.model.CursorPageResponse;
import io.financehub.pluggy.model.Transaction;
import io.financehub.support.testing.JwtTestResource;
import io.financehub.sync.messaging.EncodedPage;
import io.financehub.sync.messaging.EventMapper;
import io.financehub.sync.messaging.TransactionBatchEncoder;
import io.financehub.sync.testing.SandboxApi;
import io.financehub.sync.testing.SandboxApi.Scenario;
import io.financehub.sync.testing.SandboxResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The batches written straight from Pluggy's pages are the batches the databind path writes (bind the page to
 * {@link Transaction} records, keep one per id, map with {@link EventMapper}, serialise with the service's
 * ObjectMapper): read back as the ledger reads them, every field equal, amounts to the scale.
 */
@QuarkusTest
@WithTestResource(JwtTestResource.class)
@WithTestResource(SandboxResource.class)
class TransactionBatchEncoderTest {

    private static final TypeReference<CursorPageResponse<Transaction>> PAGE = new TypeReference<>() {
    };
    private static final TypeReference<EventEnvelope<TransactionBatch>> BATCH = new TypeReference<>() {
    };

    @Inject
    ObjectMapper json;

    @Inject
    TransactionBatchEncoder encoder;

    private final SandboxApi sandbox = SandboxApi.current();

    @Test
    void sandboxPagesOfEveryAccountTypeEncodeAsTheDatabindPath() throws Exception {
        Scenario item = sandbox.scenario(UUID.randomUUID(), 1100, "BANK", "CREDIT", "INVESTMENT");
        String key = sandbox.apiKey();
        HttpClient http = HttpClient.newHttpClient();
        int pages = 0;
        for (String account : item.accountIds()) {
            String next = sandbox.process().baseUrl() + "/v2/transactions?pageSize=500&accountId=" + account;
            while (next != null) {
                byte[] body = http.send(HttpRequest.newBuilder(URI.create(next)).header("X-API-KEY", key).build(),
                        HttpResponse.BodyHandlers.ofByteArray()).body();
                assertSameBatch(body);
                pages++;
                next = json.readValue(body, PAGE).next();
            }
        }
        assertEquals(9, pages, "three accounts of 1,100 transactions, 500 a page");
    }

    @Test
    void unusualValuesAreReadAsJacksonReadsThem() throws Exception {
        String page = """
                {"results":[
                 {"id":"u1","accountId":"a","date":"2024-05-01T00:30:00-03:00","description":"Caf\\u00e9 \\"bom\\"\\n\\t/ ☕",
                  "descriptionRaw":12.5,"type":"DEBIT","amount":"-12.5","amountInAccountCurrency":0.5,"balance":1E+3,
                  "currencyCode":"BRL","status":null,"operationType":true,"unknown":{"a":[1,{"b":null}],"c":"d"},
                  "paymentData":{"boletoMetadata":{"barcode":"123","baseAmount":10},"receiverReferenceId":"r",
                    "payer":{"routingNumberISPB":"6074","documentNumber":{"value":"123","type":"CPF"},"name":"Zé"},
                    "receiver":{"documentNumber":null}},
                  "creditCardMetadata":{"installmentNumber":2.0,"totalInstallments":"3","totalAmount":-0.001,
                    "payeeMCC":5411,"purchaseDate":"2024-05-01T02:59:59.999Z","billId":null},
                  "merchant":{"cnae":"5611","name":"Bar"},"createdAt":1714532400,"updatedAt":"2024-05-01T03:00:00.123456789Z"},
                 {"id":"u2","amount":100,"balance":12345678901234567890.125,"amountInAccountCurrency":0.00000001,
                  "date":"2024-02-29T12:00:00Z","createdAt":"2024-05-01T03:00:00.000+00:00","paymentData":null,
                  "creditCardMetadata":null,"merchant":null,"status":"PENDING"},
                 {"id":"u3","amount":-0,"balance":-7,"amountInAccountCurrency":10.10,"date":" 2024-05-01T03:00:00Z",
                  "createdAt":"2024-05-01T03:00:00.5Z","updatedAt":null},
                 {"id":"u1","accountId":"a","amount":-12.30,"description":"the later version of u1",
                  "createdAt":"2024-05-03T00:00:00Z"},
                 {"id":null,"amount":1.999}
                ],"next":null}""";
        EncodedPage encoded = assertSameBatch(page.getBytes(StandardCharsets.UTF_8));
        assertEquals(4, encoded.size(), "u1 once, at its first place, in its last version");
        assertEquals(Arrays.asList("u1", "u2", "u3", null), encoded.ids());
        assertEquals(Instant.parse("2024-05-03T00:00:00Z"), encoded.maxCreatedAt());
    }

    @Test
    void textIsEscapedAsJacksonEscapesIt() throws Exception {
        // JSON escapes for every control character class, a surrogate pair, quotes and backslashes; raw UTF-8
        // accents, a raw emoji and U+2028 written as is.
        String description = "Pagamento \\u0000\\u0001\\u001f\\u007f\\b\\f\\r \\\"aspas\\\" \\\\barra\\\\ \\/ "
                + "\\ud83d\\ude00 Ação São João — 😀 \u2028 fim";
        String page = "{\"results\":[{\"id\":\"e1\",\"accountId\":\"a\",\"date\":\"2024-05-01T03:00:00Z\","
                + "\"description\":\"" + description + "\",\"descriptionRaw\":\"PIX ENVIADO\\tJOÃO\","
                + "\"amount\":-1234.56,\"merchant\":{\"name\":\"Padaria Pão de Açúcar\",\"cnpj\":\"\"},"
                + "\"createdAt\":\"2024-05-01T03:00:00Z\"}]}";
        byte[] body = page.getBytes(StandardCharsets.UTF_8);
        EncodedPage encoded = assertSameBatch(body);
        String streamedText = new String(encoder.upserts(UUID.randomUUID(), "i", "a", UUID.randomUUID(), 1, encoded,
                0, encoded.size()), StandardCharsets.UTF_8);
        TransactionData expected = databind(body).get(0);
        // The very bytes Jackson's UTF-8 generator (the one the Kafka serializer uses) writes for each text, escapes
        // included, are in the batch.
        for (String text : List.of(expected.description(), expected.descriptionRaw(), expected.merchant().name())) {
            String written = new String(json.writeValueAsBytes(text), StandardCharsets.UTF_8);
            assertTrue(streamedText.contains(written), written + " in " + streamedText);
        }
        assertTrue(expected.description().contains("\u0000\u0001\u001f\u007f\b\f\r \"aspas\" \\barra\\ / "
                + "\ud83d\ude00 Ação São João — 😀 \u2028 fim"), "the test page says what it means to");
    }

    @Test
    void aFieldSentTwiceReadsAsItsLastValueAsBindingReadsIt() throws Exception {
        String page = """
                {"results":[{"id":"d1","amount":1,"amount":2.5,"status":null,"status":"PENDING",
                 "description":"first","description":null,"date":"2024-05-01T03:00:00Z","date":"2024-05-02T03:00:00Z",
                 "merchant":{"name":"A"},"merchant":null}]}""";
        EncodedPage encoded = assertSameBatch(page.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(Instant.parse("2024-05-02T03:00:00Z")), encoded.dates());
    }

    @Test
    void whatBindingRefusesIsRefused() {
        for (String results : List.of("[null]", "[\"t1\"]", "[{\"id\":\"t1\",\"description\":{\"x\":1}}]",
                "[{\"id\":\"t1\",\"paymentData\":{\"boletoMetadata\":\"x\"}}]",
                "[{\"id\":\"t1\",\"operationTypeAdditionalInfo\":[1]}]", "[{\"id\":\"t1\",\"date\":\"yesterday\"}]",
                "[{\"id\":\"t1\",\"amount\":\"lots\"}]", "{\"id\":\"t1\"}")) {
            byte[] body = ("{\"results\":" + results + "}").getBytes(StandardCharsets.UTF_8);
            assertThrows(JsonProcessingException.class, () -> databind(body), results);
            assertThrows(JsonProcessingException.class, () -> streamed(body), results);
        }
    }

    @Test
    void aNullOrMissingResultsIsAnEmptyPage() throws IOException {
        assertEquals(0, streamed("{\"results\":null}".getBytes(StandardCharsets.UTF_8)).size());
        assertSameBatch("{\"results\":[]}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aPageSplitIntoSeveralBatchesKeepsEveryTransactionOnce() throws IOException {
        StringBuilder page = new StringBuilder("{\"results\":[");
        for (int i = 0; i < 7; i++) {
            page.append(i == 0 ? "" : ",").append("{\"id\":\"s").append(i).append("\",\"amount\":").append(i)
                    .append('}');
        }
        EncodedPage encoded = streamed(page.append("]}").toString().getBytes(StandardCharsets.UTF_8));
        List<String> ids = new ArrayList<>();
        for (int from = 0; from < encoded.size(); from += 3) {
            byte[] batch = encoder.upserts(null, "i", "a", UUID.randomUUID(), from / 3 + 1, encoded, from,
                    Math.min(encoded.size(), from + 3));
            EventEnvelope<TransactionBatch> read = json.readValue(batch, BATCH);
            read.payload().upserts().forEach(t -> ids.add(t.id()));
            assertEquals(from / 3 + 1, read.payload().sequence());
        }
        assertEquals(List.of("s0", "s1", "s2", "s3", "s4", "s5", "s6"), ids);
    }

    /** Encodes the page both ways and asserts the two batches read back the same; returns the streamed page. */
    private EncodedPage assertSameBatch(byte[] body) throws IOException {
        assertTrue(encoder.streaming(), "the service's mapper writes the event as the streaming path does");
        UUID company = UUID.randomUUID();
        UUID run = UUID.randomUUID();
        EncodedPage encoded = streamed(body);
        byte[] streamedBatch = encoder.upserts(company, "item-1", "account-1", run, 7, encoded, 0, encoded.size());
        EventEnvelope<TransactionBatch> expected = EventMapper.upserts(company, "item-1", "account-1", run, 7,
                databind(body));

        EventEnvelope<TransactionBatch> actual = json.readValue(streamedBatch, BATCH);
        assertNotNull(actual.id());
        assertNotNull(actual.occurredAt());
        assertEquals(EventTypes.TRANSACTIONS_BATCH, actual.type());
        assertEquals(EventEnvelope.CURRENT_VERSION, actual.version());
        assertEquals(company, actual.companyId());
        // Records compare every component, BigDecimal's scale included.
        assertEquals(expected.payload(), actual.payload());

        JsonNode streamedTree = json.readTree(streamedBatch).get("payload");
        JsonNode databindTree = json.readTree(json.writeValueAsBytes(expected)).get("payload");
        assertEquals(databindTree, streamedTree);
        assertEquals(fieldNames(json.readTree(json.writeValueAsBytes(expected))),
                fieldNames(json.readTree(streamedBatch)), "the same fields, nulls included");
        List<String> expectedIds = expected.payload().upserts().stream().map(TransactionData::id).toList();
        assertEquals(expectedIds, encoded.ids());
        assertTrue(new String(streamedBatch, StandardCharsets.UTF_8).startsWith("{\"id\":\""));
        return encoded;
    }

    private EncodedPage streamed(byte[] body) throws IOException {
        try (JsonParser parser = json.createParser(body)) {
            assertEquals(JsonToken.START_OBJECT, parser.nextToken());
            assertEquals("results", parser.nextFieldName());
            parser.nextToken();
            return encoder.read(parser);
        }
    }

    /** The databind path: the page bound to records, one per id (the last version, at the first place), mapped. */
    private List<TransactionData> databind(byte[] body) throws IOException {
        Map<String, Transaction> unique = new LinkedHashMap<>();
        for (Transaction t : json.readValue(body, PAGE).results()) {
            unique.put(t.id(), t);
        }
        return unique.values().stream().map(EventMapper::transaction).toList();
    }

    /** Every field path of the tree with its value's kind: what a reader by name would find. */
    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        collect("", node, names);
        names.sort(null);
        return names;
    }

    private static void collect(String path, JsonNode node, List<String> names) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> collect(path + "." + e.getKey(), e.getValue(), names));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(path + "[" + i + "]", node.get(i), names);
            }
        } else if (!path.equals(".id") && !path.equals(".occurredAt")) {
            names.add(path + "=" + node.getNodeType());
        }
    }
}
