-- Conversations, statements, participants and votes: the Polis core.
-- Votes use agree = +1, disagree = -1, pass = 0 everywhere in Charter.

CREATE TABLE organizer (
    id            bigserial PRIMARY KEY,
    email         text        NOT NULL UNIQUE,
    display_name  text        NOT NULL,
    password_hash text,                       -- bcrypt; NULL for accounts that only use API tokens
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE organizer_token (
    token_hash   bytea       PRIMARY KEY,     -- SHA-256 of the bearer token; the token itself is never stored
    organizer_id bigint      NOT NULL REFERENCES organizer ON DELETE CASCADE,
    label        text        NOT NULL DEFAULT '',
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz
);

CREATE TABLE conversation (
    id                     bigserial PRIMARY KEY,
    slug                   text        NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9._-]{0,99}$' AND slug !~ '^[0-9]+$'),
    topic                  text        NOT NULL,
    description            text        NOT NULL DEFAULT '',   -- Markdown
    owner_id               bigint      REFERENCES organizer ON DELETE SET NULL,
    participants_can_write boolean     NOT NULL DEFAULT true,
    moderation             text        NOT NULL DEFAULT 'post' CHECK (moderation IN ('post', 'pre')),
    statement_max_length   integer     NOT NULL DEFAULT 140 CHECK (statement_max_length BETWEEN 10 AND 2000),
    identity               text        NOT NULL DEFAULT 'anonymous' CHECK (identity IN ('anonymous', 'xid')),
    xid_secret             text,                              -- HMAC key for signed xid links (organizer's site)
    closes_at              timestamptz,
    closed_at              timestamptz,
    source                 jsonb,                             -- where an imported conversation came from
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE conversation_organizer (
    conversation_id bigint NOT NULL REFERENCES conversation ON DELETE CASCADE,
    organizer_id    bigint NOT NULL REFERENCES organizer ON DELETE CASCADE,
    PRIMARY KEY (conversation_id, organizer_id)
);

-- Optional questions participants answer about themselves (country, age band...), to break results down.
CREATE TABLE metadata_question (
    id              bigserial PRIMARY KEY,
    conversation_id bigint  NOT NULL REFERENCES conversation ON DELETE CASCADE,
    position        integer NOT NULL,
    key             text    NOT NULL CHECK (key ~ '^[a-z0-9_]{1,40}$'),
    label           text    NOT NULL,
    options         text[],                                   -- NULL: free text
    UNIQUE (conversation_id, key)
);

CREATE TABLE participant (
    id              bigserial PRIMARY KEY,
    conversation_id bigint      NOT NULL REFERENCES conversation ON DELETE CASCADE,
    external_id     text,                                     -- Polis voter id on import, or the organizer's xid
    token_hash      bytea UNIQUE,                             -- SHA-256 of the anonymous participant token
    created_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (conversation_id, external_id)
);

CREATE TABLE participant_answer (
    participant_id bigint NOT NULL REFERENCES participant ON DELETE CASCADE,
    question_id    bigint NOT NULL REFERENCES metadata_question ON DELETE CASCADE,
    answer         text   NOT NULL,
    PRIMARY KEY (participant_id, question_id)
);

CREATE TABLE statement (
    id              bigserial PRIMARY KEY,
    conversation_id bigint      NOT NULL REFERENCES conversation ON DELETE CASCADE,
    external_id     text,                                     -- Polis comment id on import
    text            text        NOT NULL,
    text_key        text        NOT NULL,                     -- normalized text, to refuse duplicates
    author_id       bigint      REFERENCES participant ON DELETE SET NULL,  -- NULL: written by an organizer
    is_seed         boolean     NOT NULL DEFAULT false,
    is_meta         boolean     NOT NULL DEFAULT false,
    status          text        NOT NULL CHECK (status IN ('pending', 'accepted', 'rejected')),
    created_at      timestamptz NOT NULL DEFAULT now(),
    moderated_at    timestamptz,
    UNIQUE (conversation_id, external_id)
);
-- Imported conversations may carry duplicates of their own; Charter refuses new ones.
CREATE UNIQUE INDEX statement_text_unique ON statement (conversation_id, text_key) WHERE external_id IS NULL;
CREATE INDEX statement_conversation ON statement (conversation_id, id);

-- Every vote ever cast (the history); the latest per (participant, statement) is in current_vote.
CREATE TABLE vote (
    id              bigserial PRIMARY KEY,
    conversation_id bigint      NOT NULL REFERENCES conversation ON DELETE CASCADE,
    participant_id  bigint      NOT NULL REFERENCES participant ON DELETE CASCADE,
    statement_id    bigint      NOT NULL REFERENCES statement ON DELETE CASCADE,
    value           smallint    NOT NULL CHECK (value IN (-1, 0, 1)),
    created_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (participant_id, statement_id, created_at)         -- makes re-imports idempotent
);
CREATE INDEX vote_conversation ON vote (conversation_id, id);

CREATE TABLE current_vote (
    participant_id  bigint      NOT NULL REFERENCES participant ON DELETE CASCADE,
    statement_id    bigint      NOT NULL REFERENCES statement ON DELETE CASCADE,
    conversation_id bigint      NOT NULL REFERENCES conversation ON DELETE CASCADE,
    value           smallint    NOT NULL CHECK (value IN (-1, 0, 1)),
    vote_id         bigint      NOT NULL,
    updated_at      timestamptz NOT NULL,
    PRIMARY KEY (participant_id, statement_id)
);
CREATE INDEX current_vote_conversation ON current_vote (conversation_id);
CREATE INDEX current_vote_statement ON current_vote (statement_id);
