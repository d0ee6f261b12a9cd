package org.charter.constitution.store;

import java.time.Instant;

/**
 * A row of the version list.
 *
 * @param version     the number
 * @param title       the title
 * @param note        the organizer's note
 * @param principles  how many principles it has
 * @param createdBy   who saved it
 * @param createdAt   when
 * @param published   whether it is the published one
 * @param publishedAt when it was published
 */
public record VersionSummary(int version, String title, String note, int principles, String createdBy, Instant createdAt,
                      boolean published, Instant publishedAt) {
}
