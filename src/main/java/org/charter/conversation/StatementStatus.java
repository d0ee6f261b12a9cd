package org.charter.conversation;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Moderation state of a statement; Polis exports it as {@code moderated} = 0, 1, −1. */
public enum StatementStatus {
    @JsonProperty("pending") PENDING(0),
    @JsonProperty("accepted") ACCEPTED(1),
    @JsonProperty("rejected") REJECTED(-1);

    private final int polis;

    StatementStatus(int polis) {
        this.polis = polis;
    }

    public int polisValue() {
        return polis;
    }

    public static StatementStatus ofPolis(int moderated) {
        return switch (Integer.signum(moderated)) {
            case 1 -> ACCEPTED;
            case -1 -> REJECTED;
            default -> PENDING;
        };
    }

    String column() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static StatementStatus of(String column) {
        return valueOf(column.toUpperCase(java.util.Locale.ROOT));
    }
}
