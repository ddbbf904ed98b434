package io.financehub.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.text.Normalizer;
import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class SearchTextTest {

    /** The definition of folding, written the slow and obvious way. */
    private static String reference(String text) {
        String bare = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return bare.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
    }

    @Test
    void foldsCaseAccentsAndSpaces() {
        assertEquals("pao de acucar sao joao", SearchText.fold("  Pão de\tAçúcar \n SÃO  João "));
        assertEquals("pix enviado maria", SearchText.fold("PIX  ENVIADO\r\nMaria"));
        assertEquals("", SearchText.fold(" \t "));
    }

    @Test
    void fastPathFoldsAsTheDefinitionDoes() {
        SplittableRandom random = new SplittableRandom(7);
        StringBuilder chars = new StringBuilder("abcXYZ019 \t\n\u000B\f\r\u0001\u001f\u0085\u00a0-*%_~");
        for (char c = 0x80; c < 0x250; c++) {
            chars.append(c);
        }
        chars.append("\u0301\u0327\u0130\u1e9e\u03a3\u0416\ud83d\ude00");
        String alphabet = chars.toString();
        for (int i = 0; i < 50_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(0, 24);
            for (int k = 0; k < length; k++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertEquals(reference(text.toString()), SearchText.fold(text.toString()), text.toString());
        }
    }

    @Test
    void wordsPatternKeepsTheWordsInOrderAndTheirWildcardsLiteral() {
        assertEquals("%marcia%simoes%", SearchText.wordsPattern("marcia simoes"));
        assertEquals("%pao%de%acucar%", SearchText.wordsPattern("pao de acucar"));
        assertEquals("%energia%100\\%%", SearchText.wordsPattern("energia 100%"));
        assertEquals("%a\\_b%c\\\\d%", SearchText.wordsPattern("a_b c\\d"));
        assertNull(SearchText.wordsPattern("ifood"));        // one word: the term's own pattern
        assertNull(SearchText.wordsPattern("o de a"));       // no trigram in any word: the phrase's pattern
    }
}
