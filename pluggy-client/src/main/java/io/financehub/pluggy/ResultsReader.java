package io.financehub.pluggy;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;

/**
 * Reads the {@code results} array of a transaction page straight from the parser, into whatever the caller needs
 * (sync-service writes its Kafka batch from it), so a page of 500 transactions is not first bound to records.
 *
 * <p>The parser is on the value of {@code results}: {@code START_ARRAY}, or {@code VALUE_NULL} (read it as an empty
 * page), or anything else Pluggy might send there. The reader must leave it on the last token of that value. An
 * {@link IOException} (a {@link com.fasterxml.jackson.core.JsonProcessingException} for a body that is not the
 * documented shape) makes the page unreadable: {@link PluggyApiException} with {@code UNREADABLE_RESPONSE}, as for
 * any other call.
 */
@FunctionalInterface
public interface ResultsReader<T> {

    T read(JsonParser parser) throws IOException;
}
