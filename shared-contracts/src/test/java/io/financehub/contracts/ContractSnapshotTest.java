package io.financehub.contracts;

import static io.financehub.contracts.Json.MAPPER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.financehub.contracts.events.SyncRequested;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Events are contracts between services deployed at different times: a consumer built against an older snapshot must
 * still read what producers send now. This test fails on a removed, renamed or retyped field, and on an unrecorded
 * addition so that every change to the wire format is reviewed in the snapshot diff.
 */
class ContractSnapshotTest {

    private static final Path SNAPSHOTS = Path.of("src/test/resources/contract-snapshots");
    private static final boolean UPDATE = Boolean.getBoolean("contracts.update");

    static Stream<Class<?>> contracts() {
        return Stream.concat(Stream.of(EventEnvelope.class), EventTypes.PAYLOAD_CLASSES.values().stream()
                .distinct()
                .sorted(Comparator.comparing(Class::getSimpleName)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void eventContractMatchesCommittedSnapshot(Class<?> contract) throws IOException {
        JsonNode shape = ContractShape.of(contract);
        Path snapshot = SNAPSHOTS.resolve(contract.getSimpleName() + ".json");

        if (UPDATE) {
            Files.createDirectories(SNAPSHOTS);
            Files.writeString(snapshot, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(shape) + "\n");
            return;
        }
        if (!Files.exists(snapshot)) {
            fail("no contract snapshot for " + contract.getSimpleName() + ": " + ContractShape.UPDATE_HINT);
        }
        Map<String, String> committed = ContractShape.flatten(MAPPER.readTree(snapshot.toFile()));
        Map<String, String> current = ContractShape.flatten(shape);

        List<String> breaking = ContractShape.breakingChanges(contract.getSimpleName(), committed, current);
        assertTrue(breaking.isEmpty(), () -> String.join("\n", breaking)
                + "\nConsumers ignore unknown fields but cannot survive these: add a new field instead, or a new"
                + " event type/version that consumers adopt before producers switch.");
        List<String> additions = ContractShape.additions(contract.getSimpleName(), committed, current);
        assertTrue(additions.isEmpty(), () -> String.join("\n", additions));
    }

    @Test
    void everySnapshotBelongsToAContract() throws IOException {
        Set<String> expected = contracts().map(type -> type.getSimpleName() + ".json").collect(Collectors.toSet());
        try (Stream<Path> files = Files.list(SNAPSHOTS)) {
            Set<String> orphans = files.map(file -> file.getFileName().toString())
                    .filter(name -> !expected.contains(name))
                    .collect(Collectors.toSet());
            assertEquals(Set.of(), orphans, "snapshots of removed event contracts: a breaking change");
        }
    }

    /** Guards the reflection above: the snapshot must describe the JSON Jackson actually writes. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void shapeDescribesWhatJacksonWrites(Class<?> contract) {
        Record sample = contract == EventEnvelope.class
                ? Samples.envelope(Samples.SYNC_REQUESTED)
                : Samples.PAYLOADS.get(contract);
        Map<String, String> written = ContractShape.flatten(kindsOf(MAPPER.valueToTree(sample)));
        Map<String, String> described = new LinkedHashMap<>();
        ContractShape.flatten(ContractShape.of(contract)).forEach((path, type) -> described.put(path, kind(type)));

        // "any" (the envelope's payload) stands for whatever the sample put there
        described.forEach((path, kind) -> {
            if (kind.equals("any")) {
                written.keySet().removeIf(other -> other.startsWith(path + ".") || other.startsWith(path + "["));
                written.put(path, "any");
            }
        });

        assertEquals(described, written);
    }

    @Test
    void removedFieldIsReportedAsBreaking() {
        Map<String, String> committed = ContractShape.flatten(ContractShape.of(SyncRequested.class));
        Map<String, String> current = new LinkedHashMap<>(committed);
        current.remove("requestId");

        assertEquals(List.of("breaking change to event contract SyncRequested: field requestId (string:uuid)"
                        + " was removed or renamed"),
                ContractShape.breakingChanges("SyncRequested", committed, current));
    }

    @Test
    void retypedFieldIsReportedAsBreaking() {
        Map<String, String> committed = ContractShape.flatten(ContractShape.of(SyncRequested.class));
        Map<String, String> current = new LinkedHashMap<>(committed);
        current.put("fromDate", "string:date-time");

        assertEquals(List.of("breaking change to event contract SyncRequested: field fromDate changed type from"
                        + " string:date to string:date-time"),
                ContractShape.breakingChanges("SyncRequested", committed, current));
    }

    @Test
    void removedEnumConstantIsReportedAsBreaking() {
        Map<String, String> committed = ContractShape.flatten(ContractShape.of(SyncRequested.class));
        Map<String, String> current = new LinkedHashMap<>(committed);
        current.put("trigger", "enum:CALLBACK|USER|SCHEDULE|WEBHOOK");

        assertEquals(List.of("breaking change to event contract SyncRequested: field trigger lost enum constants"
                        + " [RETRY]"),
                ContractShape.breakingChanges("SyncRequested", committed, current));
    }

    @Test
    void addedFieldAsksToRegenerateSnapshot() {
        Map<String, String> committed = ContractShape.flatten(ContractShape.of(SyncRequested.class));
        Map<String, String> current = new LinkedHashMap<>(committed);
        current.put("priority", "integer");

        assertEquals(List.of(), ContractShape.breakingChanges("SyncRequested", committed, current));
        List<String> additions = ContractShape.additions("SyncRequested", committed, current);
        assertEquals(1, additions.size());
        assertTrue(additions.get(0).startsWith("event contract SyncRequested gained field priority (integer)"));
        assertTrue(additions.get(0).contains("-Dcontracts.update=true"));
    }

    /** Turns a sample JSON document into a shape whose leaves are JSON kinds (string, number, boolean). */
    private static JsonNode kindsOf(JsonNode json) {
        if (json.isObject()) {
            var object = MAPPER.createObjectNode();
            json.fields().forEachRemaining(field -> object.set(field.getKey(), kindsOf(field.getValue())));
            return object;
        }
        if (json.isArray()) {
            return MAPPER.createArrayNode().add(kindsOf(json.get(0)));
        }
        return MAPPER.getNodeFactory().textNode(json.isTextual() ? "string" : json.isNumber() ? "number"
                : json.isBoolean() ? "boolean" : json.getNodeType().name());
    }

    private static String kind(String type) {
        return type.startsWith("string") || type.startsWith("enum:") ? "string"
                : type.equals("integer") ? "number"
                : type;
    }
}
