package org.charter.conversation;

import java.text.Normalizer;
import java.util.Locale;

/** The comparison key of a statement: two statements with the same key are duplicates. */
final class StatementText {

    private StatementText() {
    }

    /** Same words, ignoring case, spacing, Unicode form and punctuation at the ends. */
    static String key(String text) {
        String n = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", " ").strip();
        return n.replaceAll("^[\\p{Punct}\\s]+|[\\p{Punct}\\s]+$", "");
    }

    /** Collapses runs of whitespace so that stored text displays the way it was meant. */
    static String clean(String text) {
        return text == null ? "" : text.replaceAll("[\\t\\x0B\\f\\r ]+", " ").replaceAll(" *\\n+ *", "\n").strip();
    }
}
