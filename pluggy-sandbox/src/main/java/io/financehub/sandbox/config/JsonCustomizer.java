package io.financehub.sandbox.config;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Pluggy writes every date as {@code 2024-05-01T03:00:00.000Z}: always milliseconds, always Z. The official SDK only
 * revives strings of exactly that shape into Dates, so the sandbox never writes {@code ...T03:00:00Z}.
 */
@Singleton
public class JsonCustomizer implements ObjectMapperCustomizer {

    public static final DateTimeFormatter PLUGGY_INSTANT = new DateTimeFormatterBuilder().appendInstant(3).toFormatter();

    /** Last, so this serializer wins over the JavaTimeModule Quarkus registers. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("pluggy-dates");
        module.addSerializer(Instant.class, new StdSerializer<>(Instant.class) {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(PLUGGY_INSTANT.format(value));
            }
        });
        mapper.registerModule(module);
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        // Unknown fields are ignored, as Pluggy ignores them.
        mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public static String format(Instant instant) {
        return PLUGGY_INSTANT.format(instant);
    }
}
