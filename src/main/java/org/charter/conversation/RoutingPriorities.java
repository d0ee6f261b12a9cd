package org.charter.conversation;

import java.util.Map;

/**
 * Routing weights per statement from the latest opinion analysis (polis-math.md §7.1). Statements the
 * analysis has not seen yet are absent; the router then treats them as new.
 */
public interface RoutingPriorities {

    Map<Long, Double> priorities(long conversationId);
}
