package io.financehub.contracts;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The JSON shape of a record, derived from its components: field name to JSON type, nested records as objects,
 * lists as one-element arrays. Leaf types: string, string:uuid, string:date, string:date-time, number, integer,
 * boolean, enum:A|B, any (a type variable such as the envelope's payload).
 */
final class ContractShape {

    static final String UPDATE_HINT = "regenerate the snapshots with "
            + "`mvn -B -pl shared-contracts test -Dcontracts.update=true` and commit them";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Map<Type, String> LEAVES = Map.ofEntries(
            Map.entry(String.class, "string"),
            Map.entry(UUID.class, "string:uuid"),
            Map.entry(LocalDate.class, "string:date"),
            Map.entry(Instant.class, "string:date-time"),
            Map.entry(BigDecimal.class, "number"),
            Map.entry(int.class, "integer"),
            Map.entry(Integer.class, "integer"),
            Map.entry(long.class, "integer"),
            Map.entry(Long.class, "integer"),
            Map.entry(boolean.class, "boolean"),
            Map.entry(Boolean.class, "boolean"));

    static ObjectNode of(Class<?> recordType) {
        ObjectNode shape = NODES.objectNode();
        for (RecordComponent component : recordType.getRecordComponents()) {
            shape.set(jsonName(component), typeOf(component.getGenericType()));
        }
        return shape;
    }

    /** Path to type, e.g. {@code accounts[].bankData.closingBalance -> number}; objects and arrays are listed too. */
    static Map<String, String> flatten(JsonNode shape) {
        Map<String, String> paths = new LinkedHashMap<>();
        flatten("", shape, paths);
        return paths;
    }

    /** What a consumer built against {@code committed} would trip over in {@code current}. */
    static List<String> breakingChanges(String contract, Map<String, String> committed, Map<String, String> current) {
        List<String> problems = new ArrayList<>();
        committed.forEach((path, type) -> {
            String now = current.get(path);
            if (now == null) {
                problems.add("breaking change to event contract %s: field %s (%s) was removed or renamed"
                        .formatted(contract, path, type));
            } else if (isEnum(type) && isEnum(now)) {
                Set<String> dropped = new TreeSet<>(constants(type));
                dropped.removeAll(constants(now));
                if (!dropped.isEmpty()) {
                    problems.add("breaking change to event contract %s: field %s lost enum constants %s"
                            .formatted(contract, path, dropped));
                }
            } else if (!type.equals(now)) {
                problems.add("breaking change to event contract %s: field %s changed type from %s to %s"
                        .formatted(contract, path, type, now));
            }
        });
        return problems;
    }

    /** Changes that are safe for consumers but not yet in the committed snapshot. */
    static List<String> additions(String contract, Map<String, String> committed, Map<String, String> current) {
        List<String> additions = new ArrayList<>();
        current.forEach((path, type) -> {
            String before = committed.get(path);
            if (before == null) {
                additions.add("event contract %s gained field %s (%s): additive changes are fine, %s"
                        .formatted(contract, path, type, UPDATE_HINT));
            } else if (isEnum(before) && isEnum(type) && !constants(before).containsAll(constants(type))) {
                additions.add("event contract %s: field %s gained enum constants (%s): %s"
                        .formatted(contract, path, type, UPDATE_HINT));
            }
        });
        return additions;
    }

    private static JsonNode typeOf(Type type) {
        if (type instanceof TypeVariable<?>) {
            return TextNode.valueOf("any");
        }
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == List.class) {
            ArrayNode array = NODES.arrayNode();
            array.add(typeOf(parameterized.getActualTypeArguments()[0]));
            return array;
        }
        if (type instanceof Class<?> recordType && recordType.isRecord()) {
            return of(recordType);
        }
        if (type instanceof Class<?> enumType && enumType.isEnum()) {
            return TextNode.valueOf("enum:" + Arrays.stream(enumType.getEnumConstants())
                    .map(constant -> ((Enum<?>) constant).name())
                    .collect(Collectors.joining("|")));
        }
        String leaf = LEAVES.get(type);
        if (leaf == null) {
            throw new IllegalArgumentException("no JSON contract type for " + type + ": add it to ContractShape");
        }
        return TextNode.valueOf(leaf);
    }

    private static String jsonName(RecordComponent component) {
        JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
        return renamed == null || renamed.value().isEmpty() ? component.getName() : renamed.value();
    }

    private static void flatten(String path, JsonNode shape, Map<String, String> paths) {
        if (shape.isObject()) {
            if (!path.isEmpty()) {
                paths.put(path, "object");
            }
            shape.fields().forEachRemaining(field -> flatten(
                    path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), paths));
        } else if (shape.isArray()) {
            paths.put(path, "array");
            flatten(path + "[]", shape.get(0), paths);
        } else {
            paths.put(path, shape.textValue());
        }
    }

    private static boolean isEnum(String type) {
        return type.startsWith("enum:");
    }

    private static Set<String> constants(String enumType) {
        return Set.of(enumType.substring("enum:".length()).split("\\|"));
    }

    private ContractShape() {
    }
}
