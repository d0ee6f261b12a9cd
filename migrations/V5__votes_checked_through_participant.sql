-- Charter stores each vote with its participant's conversation, and the participant and statement rows reference
-- the conversation (ON DELETE CASCADE), so a deleted conversation's votes go with them. The direct reference from
-- each vote row to the conversation added nothing to that, and cost PostgreSQL one foreign-key check per stored vote
-- in each of the two tables: about a sixth of the time it takes to store a group of votes (BENCHMARKS.md, "Votes
-- and routing").
ALTER TABLE vote DROP CONSTRAINT vote_conversation_id_fkey;
ALTER TABLE current_vote DROP CONSTRAINT current_vote_conversation_id_fkey;
