package org.charter.conversation;

/** A statement as a participant sees it on a card. */
public record StatementCard(long id, String text, boolean meta) {
}
