-- Opinion similarity (GlobalOpinionQA, Durmus et al. 2023): survey datasets with their questions and per-country
-- answer distributions, and model answer sets. Both are immutable once stored: to change one, delete it and upload
-- again. Shares and probabilities are stored as given (NaN marks a missing share); metrics normalize them.

CREATE TABLE survey_dataset (
    id                 bigserial   PRIMARY KEY,
    name               text        NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
    file_name          text        NOT NULL DEFAULT '',
    owner_id           bigint      REFERENCES organizer ON DELETE SET NULL,   -- who uploaded it; NULL: shipped with Charter
    row_count          integer     NOT NULL CHECK (row_count >= 0),   -- data rows read, skipped ones included: qids 0..row_count-1
    question_count     integer     NOT NULL CHECK (question_count >= 0),
    country_count      integer     NOT NULL CHECK (country_count >= 0),
    distribution_count integer     NOT NULL CHECK (distribution_count >= 0),
    ordinal_count      integer     NOT NULL CHECK (ordinal_count >= 0),
    created_at         timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE survey_question (
    id            bigserial PRIMARY KEY,
    dataset_id    bigint    NOT NULL REFERENCES survey_dataset ON DELETE CASCADE,
    qid           integer   NOT NULL CHECK (qid >= 0),                 -- 0-based row index in the uploaded CSV
    line          integer   NOT NULL,                                  -- CSV line where the row starts
    text          text      NOT NULL,
    options       text[]    NOT NULL,
    source        text      NOT NULL DEFAULT '',                       -- GAS, WVS...
    ordinal       double precision[],                                  -- scale position per option (NaN: off the scale); NULL: not ordinal
    ordinal_basis text,                                                -- explicit, or which inference rule
    UNIQUE (dataset_id, qid)
);
CREATE INDEX survey_question_text ON survey_question (dataset_id, md5(text));

CREATE TABLE survey_distribution (
    id          bigserial PRIMARY KEY,
    question_id bigint    NOT NULL REFERENCES survey_question ON DELETE CASCADE,
    country     text      NOT NULL,
    shares      double precision[] NOT NULL,                           -- one share per option, in option order
    UNIQUE (question_id, country)
);

-- Rows of an upload that were skipped, and smaller repairs, with their CSV line: the dataset summary shows them.
CREATE TABLE survey_dataset_issue (
    id          bigserial PRIMARY KEY,
    dataset_id  bigint    NOT NULL REFERENCES survey_dataset ON DELETE CASCADE,
    kind        text      NOT NULL CHECK (kind IN ('skipped', 'warning')),
    position    integer   NOT NULL,
    line        integer   NOT NULL,
    column_name text,
    message     text      NOT NULL,
    UNIQUE (dataset_id, kind, position)
);

CREATE TABLE answer_set (
    id             bigserial   PRIMARY KEY,
    dataset_id     bigint      NOT NULL REFERENCES survey_dataset ON DELETE CASCADE,
    name           text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),   -- model + condition, e.g. claude-cross-national:Japan
    file_name      text        NOT NULL DEFAULT '',
    owner_id       bigint      REFERENCES organizer ON DELETE SET NULL,   -- who uploaded it; NULL: shipped with Charter
    question_count integer     NOT NULL CHECK (question_count >= 0),
    created_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (dataset_id, name)
);

CREATE TABLE answer_distribution (
    id            bigserial PRIMARY KEY,
    answer_set_id bigint    NOT NULL REFERENCES answer_set ON DELETE CASCADE,
    question_id   bigint    NOT NULL REFERENCES survey_question ON DELETE CASCADE,
    qid           integer   NOT NULL,
    probabilities double precision[] NOT NULL,                         -- normalized to sum 1, one per option
    UNIQUE (answer_set_id, question_id)
);

CREATE TABLE answer_set_warning (
    id            bigserial PRIMARY KEY,
    answer_set_id bigint    NOT NULL REFERENCES answer_set ON DELETE CASCADE,
    position      integer   NOT NULL,
    line          integer   NOT NULL,
    column_name   text,
    message       text      NOT NULL,
    UNIQUE (answer_set_id, position)
);
