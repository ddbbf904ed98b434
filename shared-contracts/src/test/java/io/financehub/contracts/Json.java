package io.financehub.contracts;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

final class Json {

    /**
     * Configured as Quarkus configures its ObjectMapper for dates (JavaTimeModule, ISO strings), but keeping
     * Jackson's FAIL_ON_UNKNOWN_PROPERTIES, which Quarkus turns off: the records must ignore unknown fields on their
     * own, whatever mapper a consumer uses.
     */
    static final JsonMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    /**
     * For tests that edit JSON as a tree. Jackson's tree model strips trailing zeros from BigDecimals by default
     * (12.30 becomes 12.3), which would hide whether the records keep money at scale 2.
     */
    static final JsonMapper TREE_MAPPER = MAPPER.rebuild()
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    static JavaType envelopeOf(Class<?> payloadType) {
        return MAPPER.getTypeFactory().constructParametricType(EventEnvelope.class, payloadType);
    }

    private Json() {
    }
}
