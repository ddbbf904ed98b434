package io.financehub.ledger;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds text for case- and accent-insensitive search: lower case, accents removed, runs of white space collapsed.
 *
 * <p>The ledger folds a transaction's description and merchant once, at ingest, into {@code search_text} (trigram
 * indexed), and folds a search term the same way. Folding here rather than with PostgreSQL's {@code unaccent()} keeps
 * both sides on one definition, keeps the work off the database's CPU, and lets the index recheck read a plain column
 * instead of re-running unaccent per candidate row (see docs/benchmarks/ledger-service.md).
 */
public final class SearchText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private SearchText() {
    }

    /** Latin letters (up to Latin Extended-B) folded one by one: what the normalizer would make of each. */
    private static final int TABLE_END = 0x250;
    private static final String[] LATIN = new String[TABLE_END];

    static {
        for (char c = 0; c < TABLE_END; c++) {
            LATIN[c] = slowFold(String.valueOf(c));
        }
    }

    public static String fold(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        // Brazilian descriptions are Latin script: fold char by char from the table, in one pass, and collapse white
        // space on the way. Anything beyond the table (combining marks, other scripts) takes the normalizer.
        StringBuilder folded = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= TABLE_END) {
                return slowFold(text);
            }
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
                space = true;
                continue;
            }
            if (space) {
                folded.append(' ');
                space = false;
            }
            if (c < 0x80) {
                folded.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
            } else {
                folded.append(LATIN[c]);
            }
        }
        if (space) {
            folded.append(' ');
        }
        return folded.toString().trim();
    }

    private static String slowFold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String bare = MARKS.matcher(decomposed).replaceAll("");
        String lower = bare.toLowerCase(Locale.ROOT);
        return text.length() == 1 ? lower : SPACES.matcher(lower).replaceAll(" ").trim();
    }

    /** The folded text of a transaction: its description and its merchant's names. */
    public static String ofTransaction(String description, String merchantName, String merchantBusinessName) {
        StringBuilder text = new StringBuilder(description == null ? "" : description);
        if (merchantName != null) {
            text.append(' ').append(merchantName);
        }
        if (merchantBusinessName != null && !merchantBusinessName.equals(merchantName)) {
            text.append(' ').append(merchantBusinessName);
        }
        return fold(text.toString());
    }

    /** A LIKE pattern matching the folded term anywhere, with LIKE's wildcards in the term taken literally. */
    public static String containsPattern(String term) {
        return "%" + literal(fold(term)) + "%";
    }

    /**
     * For a folded term of several words, a LIKE pattern of its words in order with anything between them
     * ({@code %w1%w2%}, wildcards in the words taken literally): what every row containing the phrase matches, and
     * whose trigrams all lie inside the words. Null for a single word, or when no word has the three characters a
     * trigram needs (the pattern would then give the index nothing to look up).
     */
    public static String wordsPattern(String folded) {
        String[] words = folded.split(" ");
        if (words.length < 2 || Arrays.stream(words).allMatch(w -> w.length() < 3)) {
            return null;
        }
        StringBuilder pattern = new StringBuilder("%");
        for (String word : words) {
            pattern.append(literal(word)).append('%');
        }
        return pattern.toString();
    }

    private static String literal(String folded) {
        return folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
