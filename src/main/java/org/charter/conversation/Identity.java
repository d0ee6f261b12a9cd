package org.charter.conversation;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How participants get their identity in a conversation. */
public enum Identity {
    /** Anyone with the link joins and gets an anonymous token. */
    @JsonProperty("anonymous") ANONYMOUS,
    /** Participants join with the organizer's external id (xid), signed when the conversation has an xid secret. */
    @JsonProperty("xid") XID;

    String column() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Identity of(String column) {
        return valueOf(column.toUpperCase(java.util.Locale.ROOT));
    }
}
