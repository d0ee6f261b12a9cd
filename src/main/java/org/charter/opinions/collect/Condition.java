package org.charter.opinions.collect;

import java.util.Locale;

/**
 * The prompting condition of Durmus et al. 2023 (GlobalOpinionQA): {@code default} asks the question as it is;
 * {@code cross-national:<country>} asks how someone from that country would answer it.
 */
public record Condition(String country) {

    public static final Condition DEFAULT = new Condition(null);

    public static Condition parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.equalsIgnoreCase("default")) {
            return DEFAULT;
        }
        String prefix = "cross-national:";
        if (t.toLowerCase(Locale.ROOT).startsWith(prefix) && t.length() > prefix.length()
                && !t.substring(prefix.length()).isBlank()) {
            return new Condition(t.substring(prefix.length()).strip());
        }
        throw new IllegalArgumentException("condition must be 'default' or 'cross-national:<country>', not '" + text + "'");
    }

    public boolean isDefault() {
        return country == null;
    }

    /** As written in answer-set names: {@code default} or {@code cross-national:Japan}. */
    public String label() {
        return country == null ? "default" : "cross-national:" + country;
    }
}
