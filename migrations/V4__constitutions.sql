-- Collective constitutions: immutable, numbered versions per conversation, curated by organizers from the
-- analysis's candidate principles. A version keeps everything it was built from (the organizer's wording, the
-- original statement texts and ids, the evidence as it was when saved, the selection parameters and the source
-- facts), so it still reads the same if statements or votes change later. Only the published flag ever changes.

CREATE TABLE constitution_version (
    id              bigserial   PRIMARY KEY,
    conversation_id bigint      NOT NULL REFERENCES conversation ON DELETE CASCADE,
    version         integer     NOT NULL CHECK (version >= 1),            -- 1, 2, ... per conversation
    title           text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    note            text        CHECK (length(note) <= 2000),
    parameters      jsonb       NOT NULL,                                  -- SelectionParameters of the draft
    source          jsonb       NOT NULL,                                  -- participants, votes, groups, dates at saving
    created_by      bigint      REFERENCES organizer ON DELETE SET NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    published       boolean     NOT NULL DEFAULT false,
    published_at    timestamptz,
    UNIQUE (conversation_id, version)
);
-- the participant view shows the one published version
CREATE UNIQUE INDEX constitution_version_published ON constitution_version (conversation_id) WHERE published;

CREATE TABLE constitution_principle (
    id         bigserial PRIMARY KEY,
    version_id bigint    NOT NULL REFERENCES constitution_version ON DELETE CASCADE,
    position   integer   NOT NULL CHECK (position >= 0),                   -- order in the constitution
    text       text      NOT NULL CHECK (length(text) BETWEEN 1 AND 2000), -- as worded by the organizer
    cai        text      CHECK (length(cai) BETWEEN 1 AND 2000),           -- organizer's CAI line; NULL: the rewrite
    note       text      CHECK (length(note) <= 2000),
    evidence   jsonb     NOT NULL,                                         -- consensus, bridging, groupAgreement, votes, groupVotes
    UNIQUE (version_id, position)
);

-- The statements behind a principle. No foreign key to statement: the version keeps its provenance even if a
-- statement is deleted later, and original_text is the text as it was when the version was saved.
CREATE TABLE constitution_principle_statement (
    principle_id  bigint  NOT NULL REFERENCES constitution_principle ON DELETE CASCADE,
    position      integer NOT NULL CHECK (position >= 0),
    statement_id  bigint  NOT NULL,
    original_text text    NOT NULL,
    evidence      jsonb   NOT NULL,                                        -- the statement's own numbers
    PRIMARY KEY (principle_id, position)
);
CREATE INDEX constitution_principle_statement_statement ON constitution_principle_statement (statement_id);

-- Candidates the organizer dropped, with the reason (shown under "Left out").
CREATE TABLE constitution_dropped (
    id            bigserial PRIMARY KEY,
    version_id    bigint    NOT NULL REFERENCES constitution_version ON DELETE CASCADE,
    position      integer   NOT NULL CHECK (position >= 0),
    statement_ids bigint[]  NOT NULL CHECK (cardinality(statement_ids) >= 1),
    text          text      NOT NULL,
    reason        text      NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
    UNIQUE (version_id, position)
);

-- Versions are immutable: nothing but the published flag (and its time) may change once saved.
CREATE FUNCTION constitution_version_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (NEW.id, NEW.conversation_id, NEW.version, NEW.title, NEW.note, NEW.parameters, NEW.source, NEW.created_at)
           IS DISTINCT FROM
       (OLD.id, OLD.conversation_id, OLD.version, OLD.title, OLD.note, OLD.parameters, OLD.source, OLD.created_at)
       -- created_by may only become NULL (the organizer's account was deleted)
       OR (NEW.created_by IS DISTINCT FROM OLD.created_by AND NEW.created_by IS NOT NULL) THEN
        RAISE EXCEPTION 'constitution versions are immutable: save a new version instead';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER constitution_version_immutable BEFORE UPDATE ON constitution_version
    FOR EACH ROW EXECUTE FUNCTION constitution_version_immutable();

CREATE FUNCTION constitution_content_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'constitution versions are immutable: save a new version instead';
END $$;
CREATE TRIGGER constitution_principle_immutable BEFORE UPDATE ON constitution_principle
    FOR EACH ROW EXECUTE FUNCTION constitution_content_immutable();
CREATE TRIGGER constitution_principle_statement_immutable BEFORE UPDATE ON constitution_principle_statement
    FOR EACH ROW EXECUTE FUNCTION constitution_content_immutable();
CREATE TRIGGER constitution_dropped_immutable BEFORE UPDATE ON constitution_dropped
    FOR EACH ROW EXECUTE FUNCTION constitution_content_immutable();
