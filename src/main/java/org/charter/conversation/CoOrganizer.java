package org.charter.conversation;

/** An organizer of a conversation: its owner, or a co-organizer the owner invited. */
public record CoOrganizer(long id, String email, String displayName, boolean owner) {
}
