package io.financehub.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.financehub.ledger.service.WordFrequencies;

class WordFrequenciesTest {

    /** 1,000 sampled values: one in ten has guimaraes, one in twenty marcia and simoes, none has 4242 or romulo. */
    private static WordFrequencies sample() {
        List<String> histogram = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            String last = i % 10 == 0 ? "guimaraes" : i % 20 == 1 ? "simoes" : "lopes";
            String first = i % 20 == 1 ? "marcia" : "joao";
            histogram.add("pix enviado " + first + " " + last + " " + (1_000 + i) + " padaria sao joao");
        }
        return new WordFrequencies(List.of(), List.of(), histogram, 0f);
    }

    @Test
    void estimatesAsThePlannerDoesFromTheSample() {
        WordFrequencies sample = sample();
        assertEquals(0.1, sample.fraction("guimaraes"), 1e-9);
        assertEquals(0.0, sample.fraction("4242"), 1e-9);
        assertEquals(1.0, sample.fraction("pix"), 1e-9);
        WordFrequencies common = new WordFrequencies(List.of("tarifa pacote"), List.of(0.25f), sample().histogram(),
                0f);
        assertEquals(0.75 * 0.1, common.fraction("guimaraes"), 1e-6);
        assertEquals(0.25, common.fraction("tarifa"), 1e-6);
    }

    @Test
    void givesTheIndexARareWordOnlyBesideACommonOne() {
        WordFrequencies sample = sample();
        assertEquals("4242", sample.rareWordAmongCommon("guimaraes 4242"));
        assertEquals("romulo", sample.rareWordAmongCommon("pix romulo de"));
        // Every word common: the pattern of all of them is the most selective; every word rare: all lists are short.
        assertNull(sample.rareWordAmongCommon("marcia simoes"));
        assertNull(sample.rareWordAmongCommon("romulo 4242"));
        // One word, words without trigrams, or no statistics yet: nothing to choose.
        assertNull(sample.rareWordAmongCommon("4242"));
        assertNull(sample.rareWordAmongCommon("pix 42"));
        assertNull(WordFrequencies.NONE.rareWordAmongCommon("guimaraes 4242"));
    }

    @Test
    void ofTwoRareWordsTakesTheLonger() {
        assertEquals("romulos", sample().rareWordAmongCommon("pix 4242 romulos"));
    }
}
