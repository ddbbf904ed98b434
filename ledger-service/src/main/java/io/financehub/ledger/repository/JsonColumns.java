package io.financehub.ledger.repository;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

/**
 * Writes the nested Pluggy objects (merchant, payment data, bank data, ...) to jsonb in snake_case, the shape the API
 * shows, so a read passes the stored text through without parsing it. Money stays exact: jsonb keeps 12.30 as 12.30.
 */
@ApplicationScoped
public class JsonColumns {

    private final ObjectMapper snakeCase;

    JsonColumns(ObjectMapper mapper) {
        this.snakeCase = mapper.copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    }

    /** The object as snake_case JSON text, or null. */
    public String write(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return snakeCase.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not writable as JSON: " + value.getClass().getSimpleName(), e);
        }
    }
}
