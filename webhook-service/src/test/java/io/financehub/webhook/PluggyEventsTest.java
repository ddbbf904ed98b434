package io.financehub.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PluggyEventsTest {

    @Test
    void normalisesTheDottedSpellingToPluggys() {
        assertEquals("item/created", PluggyEvents.normalise("item.created"));
        assertEquals("item/waiting_user_input", PluggyEvents.normalise(" Item.Waiting_User_Input "));
        assertEquals("transactions/deleted", PluggyEvents.normalise("transactions/deleted"));
        assertEquals("payment_intent/created", PluggyEvents.normalise("payment_intent.created"));
        assertEquals("a/b.c", PluggyEvents.normalise("a/b.c"), "a name with a slash keeps its dots");
        assertEquals(".hidden", PluggyEvents.normalise(".hidden"));
    }

    @Test
    void forwardsPluggysDataEventsOnly() {
        assertTrue(PluggyEvents.isForwarded("connector/status_updated"));
        assertTrue(PluggyEvents.isForwarded("transactions/updated"));
        assertFalse(PluggyEvents.isForwarded("payment_intent/created"));
        assertEquals("other", PluggyEvents.metricTag("made/up"));
        assertEquals("none", PluggyEvents.metricTag(null));
        assertEquals("item/error", PluggyEvents.metricTag("item/error"));
    }
}
