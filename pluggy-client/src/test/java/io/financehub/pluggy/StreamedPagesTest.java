package io.financehub.pluggy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.financehub.pluggy.model.CursorPageResponse;
import io.financehub.pluggy.model.PageResponse;
import io.financehub.pluggy.model.StreamedPage;

/** The envelope of a streamed transaction page reads as the records read it, whatever the order of its fields. */
class StreamedPagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final StreamedPages pages = new StreamedPages(JSON);

    /** Collects the ids of the results, to show the reader saw the array and left the parser after it. */
    private static final ResultsReader<List<String>> IDS = parser -> {
        List<String> ids = new ArrayList<>();
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return ids;
        }
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            ids.add(JSON.<JsonNode>readTree(parser).get("id").asText());
        }
        return ids;
    };

    @Test
    void readsTheCursorPageWhereverItsFieldsAre() throws IOException {
        String body = """
                {"next":"https://api.pluggy.ai/v2/transactions?accountId=a&after=czo0OTk%3D","extra":{"x":[1,{"y":2}]},
                 "results":[{"id":"t1","amount":1},{"id":"t2"}]}""";
        StreamedPage<List<String>> page = read(body);
        assertEquals(List.of("t1", "t2"), page.results());
        assertEquals(Optional.of("czo0OTk="), page.nextCursor());
        assertEquals(record(body, new TypeReference<CursorPageResponse<Object>>() {
        }).nextCursor(), page.nextCursor());
    }

    @Test
    void readsTheNumberedPageAsPageResponseDoes() throws IOException {
        String body = """
                {"total":1001,"totalPages":"3","page":2.0,"results":[{"id":"t501"}]}""";
        StreamedPage<List<String>> page = read(body);
        PageResponse<Object> expected = record(body, new TypeReference<PageResponse<Object>>() {
        });
        assertEquals(List.of("t501"), page.results());
        assertEquals(expected.page(), page.page());
        assertEquals(expected.total(), page.total());
        assertEquals(expected.totalPages(), page.totalPages());
        assertNull(page.next());
    }

    @Test
    void aMissingOrNullResultsIsAnEmptyPageAndTheLastPageHasNoCursor() throws IOException {
        assertEquals(List.of(), read("{\"next\":null}").results());
        assertEquals(List.of(), read("{\"results\":null}").results());
        assertEquals(Optional.empty(), read("{\"results\":[]}").nextCursor());
    }

    @Test
    void whatTheRecordsRefuseIsRefused() {
        assertThrows(JsonMappingException.class, () -> read("[{\"id\":\"t1\"}]"));
        assertThrows(JsonMappingException.class, () -> read("{\"results\":[],\"next\":{\"href\":\"x\"}}"));
        assertThrows(IOException.class, () -> read("{\"results\":[{\"id\":\"t1\"}"));
    }

    private StreamedPage<List<String>> read(String body) throws IOException {
        return pages.read(body.getBytes(StandardCharsets.UTF_8), IDS);
    }

    private static <T> T record(String body, TypeReference<T> type) throws IOException {
        return JSON.readValue(body, type);
    }
}
