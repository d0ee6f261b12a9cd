-- Analysis snapshots: the opinion analysis of a conversation at one moment, versioned, with the input it saw.
-- Derived data: it can always be recomputed from the votes.
CREATE TABLE analysis_snapshot (
    id              bigserial PRIMARY KEY,
    conversation_id bigint      NOT NULL REFERENCES conversation ON DELETE CASCADE,
    version         integer     NOT NULL,
    vote_count      bigint      NOT NULL,        -- current votes (latest per participant and statement) analysed
    last_vote_id    bigint      NOT NULL,        -- the newest vote row the run saw
    input_key       text        NOT NULL,        -- fingerprint of votes and moderation; equal keys need no new run
    computed_at     timestamptz NOT NULL DEFAULT now(),
    duration_ms     integer     NOT NULL,
    computed_by     text        NOT NULL,        -- which app instance ran it
    result          json        NOT NULL,        -- org.charter.analysis.AnalysisResult
    state           json        NOT NULL,        -- org.charter.analysis.AnalysisState: everything the next run starts from
    priorities      json        NOT NULL,        -- statement id -> routing priority, read on every "next statement"
    UNIQUE (conversation_id, version)
);
