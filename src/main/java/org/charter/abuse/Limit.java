package org.charter.abuse;

/** The limited actions, each with its own budget per participant or per client address. */
public enum Limit {
    VOTES_PER_PARTICIPANT("votes-per-participant", "votes"),
    VOTES_PER_ADDRESS("votes-per-address", "votes from your network address"),
    STATEMENTS_PER_PARTICIPANT("statements-per-participant", "statements"),
    STATEMENTS_PER_ADDRESS("statements-per-address", "statements from your network address"),
    JOINS_PER_ADDRESS("joins-per-address", "new participants from your network address");

    private final String key;
    private final String what;

    Limit(String key, String what) {
        this.key = key;
        this.what = what;
    }

    /** The budget's name in the configuration. */
    public String key() {
        return key;
    }

    /** What was limited, for the problem's sentence ("too many votes"). */
    String what() {
        return what;
    }
}
