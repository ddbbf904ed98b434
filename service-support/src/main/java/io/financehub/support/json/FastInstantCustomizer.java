package io.financehub.support.json;

import java.io.IOException;
import java.time.Instant;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Every service's ObjectMapper reads ISO-8601 instants through {@link IsoInstants} first and falls back to Jackson's
 * own deserializer for any other shape (epoch numbers, other layouts), so the accepted input and the errors are
 * unchanged; only the common case is cheaper.
 */
@Singleton
public class FastInstantCustomizer implements ObjectMapperCustomizer {

    /** After the JavaTimeModule Quarkus registers, so this deserializer wins. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY + 1;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("fast-instants").addDeserializer(Instant.class, new Deserializer()));
    }

    static final class Deserializer extends StdScalarDeserializer<Instant> {

        Deserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                Instant fast = IsoInstants.parse(parser.getTextCharacters(), parser.getTextOffset(),
                        parser.getTextLength());
                if (fast != null) {
                    return fast;
                }
            }
            return InstantDeserializer.INSTANT.deserialize(parser, context);
        }
    }
}
