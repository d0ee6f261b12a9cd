package org.charter.constitution;

import java.util.ArrayList;
import java.util.List;

/**
 * The Constitutional-AI principle list: one "Choose the response that …" line per principle, in order, ready for a
 * CAI training pipeline (each principle's {@code cai} text: the organizer's wording or {@link CaiRewrite}'s).
 */
public final class CaiList {

    private CaiList() {
    }

    public static String write(Constitution c) {
        StringBuilder out = new StringBuilder();
        for (Constitution.Principle p : c.principles()) {
            String line = p.cai() == null || p.cai().isBlank() ? CaiRewrite.rewrite(p.text()) : p.cai();
            out.append(line.replaceAll("\\s+", " ").strip()).append('\n');
        }
        return out.toString();
    }

    /** The lines of a principle list (blank lines skipped). */
    public static List<String> read(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                lines.add(line.strip());
            }
        }
        return lines;
    }
}
