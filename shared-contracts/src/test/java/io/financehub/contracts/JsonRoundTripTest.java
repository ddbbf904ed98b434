package io.financehub.contracts;

import static io.financehub.contracts.Json.MAPPER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.financehub.contracts.events.PluggyWebhookReceived;
import io.financehub.contracts.events.TransactionData;
import io.financehub.contracts.problem.Problem;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JsonRoundTripTest {

    static List<Record> records() {
        return Samples.RECORDS;
    }

    static Stream<Record> payloads() {
        return Samples.PAYLOADS.values().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void roundTripKeepsEveryField(Record sample) throws Exception {
        String json = MAPPER.writeValueAsString(sample);

        assertEquals(sample, MAPPER.readValue(json, sample.getClass()), json);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void envelopeRoundTripKeepsHeaderAndPayload(Record payload) throws Exception {
        EventEnvelope<Record> envelope = Samples.envelope(payload);
        String json = MAPPER.writeValueAsString(envelope);

        EventEnvelope<?> read = MAPPER.readValue(json, Json.envelopeOf(payload.getClass()));

        assertEquals(envelope, read, json);
        assertInstanceOf(payload.getClass(), read.payload());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void unknownFieldsAreIgnoredAtEveryLevel(Record sample) throws Exception {
        JsonNode json = Json.TREE_MAPPER.valueToTree(sample);
        addUnknownFields(json);

        assertEquals(sample, MAPPER.readValue(MAPPER.writeValueAsString(json), sample.getClass()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void unknownFieldsInEnvelopeAreIgnored(Record payload) throws Exception {
        EventEnvelope<Record> envelope = Samples.envelope(payload);
        JsonNode json = Json.TREE_MAPPER.valueToTree(envelope);
        addUnknownFields(json);

        assertEquals(envelope, MAPPER.readValue(MAPPER.writeValueAsString(json), Json.envelopeOf(payload.getClass())));
    }

    @Test
    void moneyIsAJsonNumberThatKeepsScaleTwo() throws Exception {
        String json = MAPPER.writeValueAsString(Samples.TRANSACTION);

        assertTrue(json.contains("\"amount\":12.30"), json);
        assertTrue(MAPPER.readTree(json).get("amount").isNumber());
        BigDecimal amount = MAPPER.readValue(json, TransactionData.class).amount();
        assertEquals(new BigDecimal("12.30"), amount);
        assertEquals(2, amount.scale());
    }

    @Test
    void timesAreIsoStringsNotTimestamps() throws Exception {
        EventEnvelope<Record> envelope = Samples.envelope(Samples.SYNC_REQUESTED);
        JsonNode json = MAPPER.valueToTree(envelope);

        assertEquals(envelope.occurredAt().toString(), json.get("occurredAt").textValue());
        assertEquals("2024-05-01T12:34:56.789Z", json.at("/payload/requestedAt").textValue());
        assertEquals("2024-04-01", json.at("/payload/fromDate").textValue());
    }

    @Test
    void envelopeFactoryAssignsIdVersionOneAndNow() {
        Instant before = Instant.now();
        EventEnvelope<Record> envelope = EventEnvelope.of(EventTypes.SYNC_REQUESTED, null, Samples.SYNC_REQUESTED);

        assertNotNull(envelope.id());
        assertEquals(1, envelope.version());
        assertFalse(envelope.occurredAt().isBefore(before));
        assertFalse(envelope.occurredAt().isAfter(Instant.now()));
        assertNull(envelope.companyId());
    }

    @Test
    void missingListsReadAsEmpty() throws Exception {
        PluggyWebhookReceived read = MAPPER.readValue("{\"eventId\":\"e\",\"event\":\"item/created\"}",
                PluggyWebhookReceived.class);

        assertEquals(List.of(), read.transactionIds());
    }

    @Test
    void problemOmitsNullsAndEmptyErrorsAndDefaultsTypeToAboutBlank() throws Exception {
        JsonNode json = MAPPER.valueToTree(Problem.notFound("No item 42"));

        assertEquals(Set.of("type", "title", "status", "detail", "code"), fieldNames(json));
        assertEquals("about:blank", json.get("type").textValue());
        assertEquals(404, json.get("status").intValue());
        assertEquals("not_found", json.get("code").textValue());
        assertEquals("about:blank", MAPPER.readValue("{\"status\":500}", Problem.class).type());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void samplesSetEveryField(Record sample) {
        assertFullyPopulated(sample, sample.getClass().getSimpleName());
    }

    @Test
    void everyRecordHasASample() throws Exception {
        Set<Class<?>> sampled = Samples.RECORDS.stream().map(Object::getClass).collect(Collectors.toSet());

        Set<Class<?>> unsampled = mainRecords().stream()
                .filter(type -> type != EventEnvelope.class && !sampled.contains(type))
                .collect(Collectors.toSet());

        assertEquals(Set.of(), unsampled, "add a fully populated sample to Samples.RECORDS");
    }

    private static void addUnknownFields(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.elements().forEachRemaining(JsonRoundTripTest::addUnknownFields);
            object.put("fieldFromTheFuture", "x");
            object.putObject("objectFromTheFuture").put("nested", 1);
        } else if (node.isArray()) {
            node.elements().forEachRemaining(JsonRoundTripTest::addUnknownFields);
        }
    }

    private static void assertFullyPopulated(Object value, String path) {
        assertNotNull(value, path + " is null in the sample");
        if (value instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                assertFullyPopulated(read(component, record), path + "." + component.getName());
            }
        } else if (value instanceof List<?> list) {
            assertFalse(list.isEmpty(), path + " is empty in the sample");
            list.forEach(element -> assertFullyPopulated(element, path + "[]"));
        }
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> fieldNames(JsonNode json) {
        Set<String> names = new HashSet<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Every record compiled from src/main, found on disk so a new record cannot miss its sample. */
    private static List<Class<?>> mainRecords() throws URISyntaxException, IOException {
        Path classes = Path.of(EventEnvelope.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(file -> file.toString().endsWith(".class"))
                    .map(file -> classes.relativize(file).toString().replace(".class", "").replace('/', '.'))
                    .map(JsonRoundTripTest::load)
                    .filter(Class::isRecord)
                    .collect(Collectors.toList());
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
