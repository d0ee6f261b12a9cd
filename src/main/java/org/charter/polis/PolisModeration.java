package org.charter.polis;

/** A comment's moderation state as Polis exports it in {@code comments.csv}'s {@code moderated} column. */
public enum PolisModeration {
    /** {@code 1}: accepted by a moderator. */
    ACCEPTED(1),
    /** {@code 0}: not (yet) moderated; shown unless the conversation uses strict moderation. */
    UNMODERATED(0),
    /** {@code -1}: rejected; hidden from participants and left out of the opinion map. */
    REJECTED(-1);

    private final int code;

    PolisModeration(int code) {
        this.code = code;
    }

    /** The value in Polis's {@code moderated} column. */
    public int code() {
        return code;
    }

    /** The state for a {@code moderated} value, or null if the value is not −1, 0 or 1. */
    public static PolisModeration ofCode(long code) {
        for (PolisModeration m : values()) {
            if (m.code == code) {
                return m;
            }
        }
        return null;
    }
}
