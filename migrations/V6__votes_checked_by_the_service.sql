-- A vote row names its participant and statement; the service stores a vote only after checking both: the participant
-- is the one its token stands for, and the statement belongs to the vote's conversation (404 otherwise). Charter
-- never deletes a participant or a statement (a removed statement is 'rejected' and keeps its votes), so a vote's
-- references cannot go stale afterwards either. The four foreign keys repeated those checks in PostgreSQL for every
-- stored vote, each locking the referenced row: about a third of PostgreSQL's work per vote (measured with pgbench
-- on a 1,000,000-vote conversation: 300 µs per single-vote insert with them, 200 µs without; BENCHMARKS.md, "Votes
-- and routing"). Whatever deletes participants or statements one day must delete their votes first.
ALTER TABLE vote DROP CONSTRAINT vote_participant_id_fkey;
ALTER TABLE vote DROP CONSTRAINT vote_statement_id_fkey;
ALTER TABLE current_vote DROP CONSTRAINT current_vote_participant_id_fkey;
ALTER TABLE current_vote DROP CONSTRAINT current_vote_statement_id_fkey;
