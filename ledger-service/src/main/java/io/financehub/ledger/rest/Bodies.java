package io.financehub.ledger.rest;

import java.math.BigDecimal;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reading JSON request bodies field by field, so that "absent" (keep) and null (clear) differ for PATCH and every
 * wrong value is a 400 naming its field.
 */
final class Bodies {

    private Bodies() {
    }

    static ObjectNode object(JsonNode body) {
        if (!(body instanceof ObjectNode fields)) {
            throw new InvalidField("body", "must be a JSON object");
        }
        return fields;
    }

    /** The trimmed text, null for JSON null or a blank string; at most {@code max} characters. */
    static String text(ObjectNode body, String field, int max) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidField(field, "must be a string or null");
        }
        String text = value.asText().trim();
        if (text.length() > max) {
            throw new InvalidField(field, "must be at most " + max + " characters");
        }
        return text.isEmpty() ? null : text;
    }

    static String required(ObjectNode body, String field, int max) {
        String text = text(body, field, max);
        if (text == null) {
            throw new InvalidField(field, "is required");
        }
        return text;
    }

    static String oneOf(ObjectNode body, String field, Set<String> allowed) {
        String text = text(body, field, 40);
        if (text != null && !allowed.contains(text)) {
            throw new InvalidField(field, "must be one of " + String.join(", ", allowed.stream().sorted().toList()));
        }
        return text;
    }

    static UUID uuid(ObjectNode body, String field) {
        return Params.uuid(field, text(body, field, 64));
    }

    static BigDecimal amount(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber() && !value.isTextual()) {
            throw new InvalidField(field, "must be a number");
        }
        BigDecimal amount = Params.amount(field, value.asText());
        if (amount.signum() < 0) {
            throw new InvalidField(field, "must not be negative (it is compared with the absolute amount)");
        }
        return amount;
    }

    static Integer integer(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new InvalidField(field, "must be a whole number");
        }
        return value.asInt();
    }

    static Boolean bool(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw new InvalidField(field, "must be true or false");
        }
        return value.asBoolean();
    }
}
