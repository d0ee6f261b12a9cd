package org.charter.conversation;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether participants' statements are shown at once (and can be removed) or held until approved. */
public enum Moderation {
    /** Visible at once; the organizer removes what breaks the rules (Polis's non-strict mode). */
    @JsonProperty("post") POST,
    /** Held until an organizer approves it (Polis's strict mode). */
    @JsonProperty("pre") PRE;

    String column() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Moderation of(String column) {
        return valueOf(column.toUpperCase(java.util.Locale.ROOT));
    }
}
