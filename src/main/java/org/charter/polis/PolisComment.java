package org.charter.polis;

import java.util.Objects;

/**
 * One row of {@code comments.csv}: a statement of the conversation, with everything Polis exports about it.
 * The older layout has {@code timestamp, datetime, comment-id, author-id, agrees, disagrees, moderated,
 * comment-body}; the newer one adds {@code is-meta}, {@code is-seed}, {@code group-informed-consensus} (and, when
 * the importance feature was on, {@code importance}). Columns absent from the file are null here, so that a
 * writer can reproduce the layout it read.
 *
 * @param commentId              Polis's comment id ({@code tid}), unique in the conversation
 * @param timestampMillis        when the comment was written, epoch milliseconds (seconds are normalized)
 * @param datetime               the export's human-readable date text, as written (may be empty)
 * @param authorId               the participant id ({@code pid}) of the author
 * @param agrees                 Polis's agree count; it counts every vote row, superseded votes included
 * @param disagrees              Polis's disagree count, likewise
 * @param moderation             accepted, unmoderated or rejected
 * @param meta                   {@code is-meta}: a statement about the conversation itself, kept out of the
 *                               opinion map; null when the file has no such column
 * @param seed                   {@code is-seed}: written by the organizer to start the conversation; null when
 *                               the file has no such column
 * @param groupInformedConsensus Polis's group-informed consensus as exported; null when absent or blank
 * @param importance             the {@code importance} column (count of "important" marks); null when absent
 * @param body                   the statement text
 */
public record PolisComment(long commentId, long timestampMillis, String datetime, long authorId, long agrees,
                           long disagrees, PolisModeration moderation, Boolean meta, Boolean seed,
                           Double groupInformedConsensus, Long importance, String body) {

    public PolisComment {
        Objects.requireNonNull(moderation, "moderation");
        Objects.requireNonNull(body, "body");
        datetime = datetime == null ? "" : datetime;
    }

    /** True when the statement is a meta statement ({@code is-meta} true); false when unknown. */
    public boolean isMeta() {
        return Boolean.TRUE.equals(meta);
    }

    /** True when the statement was seeded by the organizer ({@code is-seed} true); false when unknown. */
    public boolean isSeed() {
        return Boolean.TRUE.equals(seed);
    }
}
