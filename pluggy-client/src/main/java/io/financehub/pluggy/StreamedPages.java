package io.financehub.pluggy;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.financehub.pluggy.model.StreamedPage;

/**
 * Reads a transaction page's envelope ({@code results} with {@code next}, or with {@code page}, {@code total} and
 * {@code totalPages}) in one pass over the body, handing {@code results} to the caller's {@link ResultsReader}.
 * Fields come in any order and unknown ones are skipped; the envelope's scalars are read by the service's
 * ObjectMapper itself, so they accept exactly what {@link io.financehub.pluggy.model.CursorPageResponse} and
 * {@link io.financehub.pluggy.model.PageResponse} accept.
 */
final class StreamedPages {

    private final ObjectMapper mapper;
    private final ObjectReader string;
    private final ObjectReader integer;

    StreamedPages(ObjectMapper mapper) {
        this.mapper = mapper;
        this.string = mapper.readerFor(String.class);
        this.integer = mapper.readerFor(int.class);
    }

    <T> StreamedPage<T> read(byte[] body, ResultsReader<T> reader) throws IOException {
        try (JsonParser parser = mapper.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw MismatchedInputException.from(parser, StreamedPage.class,
                        "Expected a page object, found " + first);
            }
            T results = null;
            boolean resultsSeen = false;
            String next = null;
            int page = 0;
            int total = 0;
            int totalPages = 0;
            for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "results" -> {
                        results = reader.read(parser);
                        resultsSeen = true;
                    }
                    case "next" -> next = value == JsonToken.VALUE_NULL ? null : string.readValue(parser);
                    case "page" -> page = intValue(parser, value);
                    case "total" -> total = intValue(parser, value);
                    case "totalPages" -> totalPages = intValue(parser, value);
                    default -> parser.skipChildren();
                }
            }
            if (!resultsSeen) {
                results = empty(reader);
            }
            return new StreamedPage<>(results, next, page, total, totalPages);
        }
    }

    private int intValue(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT) {
            return parser.getIntValue();
        }
        Integer read = integer.readValue(parser);
        return read == null ? 0 : read;
    }

    /** No {@code results} at all reads as an empty page, as the records read it. */
    private <T> T empty(ResultsReader<T> reader) throws IOException {
        try (JsonParser parser = mapper.createParser("[]")) {
            parser.nextToken();
            return reader.read(parser);
        }
    }
}
