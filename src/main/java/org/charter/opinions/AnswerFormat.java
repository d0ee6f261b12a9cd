package org.charter.opinions;

import java.util.Locale;

/** File formats for model answer sets. */
public enum AnswerFormat {
    /** One JSON object per line: {@code {"qid": 12, "distribution": [...]}}, by question text, or raw samples. */
    JSONL,
    /** A header with {@code qid} or {@code question}, and {@code distribution} or {@code answer}. */
    CSV;

    /** The format a file name suggests: {@code .csv} is CSV, anything else JSON lines. */
    public static AnswerFormat fromFileName(String name) {
        return name != null && name.toLowerCase(Locale.ROOT).endsWith(".csv") ? CSV : JSONL;
    }

    public static AnswerFormat parse(String text) {
        return switch (text == null ? "" : text.strip().toLowerCase(Locale.ROOT)) {
            case "jsonl", "json", "ndjson" -> JSONL;
            case "csv" -> CSV;
            default -> throw new IllegalArgumentException("format must be jsonl or csv, not '" + text + "'");
        };
    }
}
