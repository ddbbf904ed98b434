package io.financehub.ledger;

import java.text.Normalizer;
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

    public static String fold(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String bare = MARKS.matcher(decomposed).replaceAll("");
        return SPACES.matcher(bare.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
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
        String folded = fold(term).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + folded + "%";
    }
}
