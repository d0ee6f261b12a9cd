-- Analysis snapshots are derived data: every one can be recomputed from the votes. A big conversation's snapshot is
-- megabytes of JSON (a 1,000,000-vote conversation: ~10 MB, every ~10 s while votes arrive), and as a logged table
-- each snapshot went through the write-ahead log: a vote committed just after it had to wait until those megabytes
-- were on disk, so every analysis run stalled the votes of that moment (BENCHMARKS.md, "Votes and routing").
-- Unlogged, snapshots bypass the WAL. The price: after a crash of PostgreSQL (not after a clean restart) the table is
-- empty, and the analysis sweep recomputes every conversation with votes; and snapshots are not copied to streaming
-- replicas (Charter reads them from the primary).
ALTER TABLE analysis_snapshot SET UNLOGGED;
