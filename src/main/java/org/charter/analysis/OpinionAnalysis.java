package org.charter.analysis;

import org.charter.analysis.AnalysisState.Cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Charter's opinion analysis: Polis's method (polis-math.md) on a conversation's current votes, incrementally.
 *
 * <p>One entry point, {@link #update}, serves every caller: the live service after new votes, {@code analyze}
 * on an export (one update from nothing) and {@code analyze --replay} (one update per time window, see
 * {@link Replay}). Each update takes the previous {@link AnalysisState} (null the first time) and returns the new
 * one with the result; the state holds everything the next update depends on, so storing it makes updates exactly
 * reproducible across restarts.
 *
 * <p>The pipeline, one step per class: {@link VoteMatrix} (§1) → {@link Pca} (§2.2–2.3) → {@link Projection}
 * (§2.4–2.5) → {@link InConversation} (§1.4) → base clusters by {@link PolisKMeans} (§3.1–3.2) → groups by
 * {@link GroupClustering} (§3.3–3.5) → {@link GroupTallies} (§4) → {@link Repness} (§5) → {@link Consensus} (§6),
 * {@link Divisiveness}, {@link Bridging} (§13) and {@link RoutingPriority} (§7).
 *
 * <p>Where Charter differs from Polis, on purpose: every random choice is seeded and every piece of state is kept
 * (Polis keeps the per-k group clusterings in memory only); PCA is solved to convergence at every size (Polis
 * switches to a non-deterministic mini-batch PCA above 10,000 participants); routing priorities use the current
 * update's tallies (Polis uses the previous update's, a quirk); Polis's caps of 100,000 participants and 10,000
 * statements are not applied; and groups are reported only when enough participants are placed
 * ({@link AnalysisParameters#minGroupedParticipants()}).
 */
public final class OpinionAnalysis {

    private OpinionAnalysis() {
    }

    /**
     * Analyses the conversation.
     *
     * @param input    statements and current votes (and, optionally, groups to use instead of clustering)
     * @param previous the state the previous update returned, or null on the first update (a state of another
     *                 {@link AnalysisState#FORMAT} is treated as null)
     * @param params   the method's parameters, normally {@link AnalysisParameters#POLIS}
     * @return the analysis and the state to keep for the next update
     */
    public static AnalysisUpdate update(AnalysisInput input, AnalysisState previous, AnalysisParameters params) {
        Step step = advance(input, previous, params);
        return new AnalysisUpdate(step.result(), step.state());
    }

    /**
     * The half of {@link #update} that moves the state forward (matrix, PCA, in-conversation set, base clusters,
     * group clusterings, k smoother). The rest of the result is derived from a {@link Step} on demand, so a replay
     * can skip it for the windows whose result nobody reads, without changing the path the state takes.
     */
    static Step advance(AnalysisInput input, AnalysisState previous, AnalysisParameters params) {
        AnalysisState state = previous == null || previous.format() != AnalysisState.FORMAT
                ? AnalysisState.initial(params.seed()) : previous;
        long tick = state.tick() + 1;
        VoteMatrix m = VoteMatrix.of(input.votes(), input.statements());
        if (m.rows() == 0) {
            AnalysisState next = new AnalysisState(AnalysisState.FORMAT, tick, state.seed(), state.pca(),
                    state.baseClusters(), state.groupClusterings(), state.smoother(), state.inConversation());
            return new Step(input, params, m, null, null, next, null, tick);
        }
        double[][] start = aligned(state.pca(), m.statementIds);
        Pca.Fit pca = Pca.fit(m, start[0], start[1], state.seed() ^ tick, params.pcaMaxIterations(),
                params.pcaTolerance());
        double[][] projection = Projection.participants(m, pca);
        long[] inConversation = InConversation.update(state.inConversation(), m, params.minVotes(),
                params.inConversationFloor());
        List<Cluster> base = state.baseClusters();
        GroupClustering.Outcome outcome = null;
        Map<Integer, List<Cluster>> clusterings = state.groupClusterings();
        AnalysisState.KSmoother smoother = state.smoother();
        if (!input.hasGivenGroups()) {
            // Base clusters start from the first distinct points in Polis's data order: order of arrival.
            int[] rows = byArrival(m, rowsOf(m, inConversation));
            long[] ids = new long[rows.length];
            double[] xs = new double[rows.length];
            double[] ys = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                ids[i] = m.participantIds[rows[i]];
                xs[i] = projection[0][rows[i]];
                ys[i] = projection[1][rows[i]];
            }
            base = new PolisKMeans(ids, xs, ys, null).fit(params.baseK(), state.baseClusters(),
                    params.baseIterations());
            outcome = GroupClustering.update(base, state.groupClusterings(), state.smoother(), params);
            clusterings = outcome.clusterings();
            smoother = outcome.smoother();
        }
        AnalysisState next = new AnalysisState(AnalysisState.FORMAT, tick, state.seed(),
                new AnalysisState.PcaState(m.statementIds, pca.center(), pca.comp1(), pca.comp2()), base,
                clusterings, smoother, inConversation);
        return new Step(input, params, m, pca, projection, next, outcome, tick);
    }

    /** The previous components aligned to the current columns; new statements start at 0. */
    private static double[][] aligned(AnalysisState.PcaState previous, long[] statementIds) {
        if (previous == null) {
            return new double[2][];
        }
        double[] comp1 = new double[statementIds.length];
        double[] comp2 = new double[statementIds.length];
        for (int c = 0; c < statementIds.length; c++) {
            int before = Arrays.binarySearch(previous.statementIds(), statementIds[c]);
            if (before >= 0) {
                comp1[c] = previous.comp1()[before];
                comp2[c] = previous.comp2()[before];
            }
        }
        return new double[][]{comp1, comp2};
    }

    /** The rows ordered by the participants' first appearance in the votes. */
    private static int[] byArrival(VoteMatrix m, int[] rows) {
        return Arrays.stream(rows).boxed().sorted(Comparator.comparingInt(r -> m.arrival[r]))
                .mapToInt(Integer::intValue).toArray();
    }

    /** Matrix rows of the given participants that have votes, ascending. */
    private static int[] rowsOf(VoteMatrix m, long[] participantIds) {
        int[] rows = new int[participantIds.length];
        int n = 0;
        for (long id : participantIds) {
            int r = m.rowOf(id);
            if (r >= 0) {
                rows[n++] = r;
            }
        }
        int[] result = Arrays.copyOf(rows, n);
        Arrays.sort(result);
        return result;
    }

    /** One update's intermediate results; {@link #result()} derives (and caches) the full analysis. */
    static final class Step {

        private final AnalysisInput input;
        private final AnalysisParameters params;
        private final VoteMatrix m;
        private final Pca.Fit pca;
        private final double[][] projection;
        private final AnalysisState state;
        private final GroupClustering.Outcome outcome;
        private final long tick;
        private AnalysisResult result;

        Step(AnalysisInput input, AnalysisParameters params, VoteMatrix m, Pca.Fit pca, double[][] projection,
             AnalysisState state, GroupClustering.Outcome outcome, long tick) {
            this.input = input;
            this.params = params;
            this.m = m;
            this.pca = pca;
            this.projection = projection;
            this.state = state;
            this.outcome = outcome;
            this.tick = tick;
        }

        AnalysisState state() {
            return state;
        }

        VoteMatrix matrix() {
            return m;
        }

        Pca.Fit pca() {
            return pca;
        }

        AnalysisResult result() {
            if (result == null) {
                result = derive();
            }
            return result;
        }

        private AnalysisResult derive() {
            if (m.rows() == 0) {
                return new AnalysisResult(0, 0, 0, 0, "no votes yet", List.of(), Map.of(), Map.of(), List.of(),
                        List.of(), List.of(), new AnalysisResult.Majority(List.of(), List.of()),
                        statementStats(null, null, null, null, null), tick);
            }
            int[] inConversationRows = rowsOf(m, state.inConversation());
            Placement placement = input.hasGivenGroups() ? givenPlacement() : clusteredPlacement(inConversationRows);
            TreeMap<Integer, int[]> groupRows = placement.groupRows();
            Map<Integer, double[]> centers = placement.centers();
            String note = placement.note();
            int[] groupIds = groupRows.keySet().stream().mapToInt(Integer::intValue).toArray();
            int[][] members = groupRows.values().toArray(int[][]::new);
            GroupTallies tallies = groupIds.length == 0 ? null : GroupTallies.of(m, groupIds, members);
            double z = params.zThreshold();

            List<AnalysisResult.Group> groups = new ArrayList<>();
            Map<Long, Integer> participantGroups = new TreeMap<>();
            if (tallies != null) {
                Repness.Stats[][] stats = Repness.stats(tallies, m.excluded);
                for (int g = 0; g < groupIds.length; g++) {
                    List<AnalysisResult.Representative> representative = new ArrayList<>();
                    for (Repness.Selected s : Repness.select(stats[g], params.representativeCount(), z)) {
                        representative.add(new AnalysisResult.Representative(m.statementIds[s.column()],
                                s.agree() ? "agree" : "disagree", s.pSuccess(), s.repness(), s.repnessTest(),
                                s.pTest(), s.nSuccess(), s.nTrials(), s.bestAgree()));
                    }
                    List<Long> ids = new ArrayList<>(members[g].length);
                    for (int r : members[g]) {
                        ids.add(m.participantIds[r]);
                        participantGroups.put(m.participantIds[r], groupIds[g]);
                    }
                    groups.add(new AnalysisResult.Group(groupIds[g], ids, centers.get(groupIds[g]), representative));
                }
            }

            double[] gic = null;
            double[] divisiveness = null;
            List<AnalysisResult.Scored> consensus = new ArrayList<>();
            List<AnalysisResult.Scored> divisive = new ArrayList<>();
            if (tallies != null) {
                gic = new double[m.columns()];
                divisiveness = new double[m.columns()];
                for (int c = 0; c < m.columns(); c++) {
                    gic[c] = Consensus.groupInformed(tallies, c);
                    divisiveness[c] = Divisiveness.of(tallies, c);
                    if (!m.excluded[c]) {
                        consensus.add(new AnalysisResult.Scored(m.statementIds[c], gic[c]));
                        divisive.add(new AnalysisResult.Scored(m.statementIds[c], divisiveness[c]));
                    }
                }
                consensus.sort(Comparator.comparingDouble(s -> -s.score()));
                divisive.sort(Comparator.comparingDouble(s -> -s.score()));
            }

            AnalysisResult.Majority majority = new AnalysisResult.Majority(
                    majority(Consensus.majority(m, true, params.majorityCount(), z)),
                    majority(Consensus.majority(m, false, params.majorityCount(), z)));

            Bridging.Fit bridgingFit = Bridging.fit(m, params.bridging(), state.seed() ^ tick);
            List<AnalysisResult.Scored> bridging = new ArrayList<>();
            for (int c = 0; c < m.columns(); c++) {
                if (bridgingFit.scored()[c]) {
                    bridging.add(new AnalysisResult.Scored(m.statementIds[c], bridgingFit.intercept()[c]));
                }
            }
            bridging.sort(Comparator.comparingDouble(s -> -s.score()));

            // Routing tallies: summed over the groups, i.e. over the placed participants (§7.1); without groups
            // (or when they are withheld), over the in-conversation participants they would be made of.
            GroupTallies routing;
            if (tallies != null) {
                routing = tallies.merged();
            } else if (input.hasGivenGroups()) {
                routing = null;
            } else {
                routing = GroupTallies.of(m, new int[]{0}, new int[][]{inConversationRows});
            }

            Map<Long, double[]> participantProjection = new TreeMap<>();
            for (int r = 0; r < m.rows(); r++) {
                participantProjection.put(m.participantIds[r], new double[]{projection[0][r], projection[1][r]});
            }
            return new AnalysisResult(m.rows(), m.columns(), m.votes(), inConversationRows.length, note, groups,
                    participantGroups, participantProjection, consensus, bridging, divisive, majority,
                    statementStats(tallies, gic, divisiveness, bridgingFit, routing), tick);
        }

        /**
         * Who is in which group.
         *
         * @param groupRows group id → matrix rows of its members, ascending; empty when there are no groups
         * @param centers   group id → centre on the map
         * @param note      why there are no groups, or null
         */
        private record Placement(TreeMap<Integer, int[]> groupRows, Map<Integer, double[]> centers, String note) {
        }

        /** The given groups (participants without votes are left out); centres are their members' mean. */
        private Placement givenPlacement() {
            Map<Integer, List<Integer>> lists = new TreeMap<>();
            input.givenGroups().forEach((participant, group) -> {
                int r = m.rowOf(participant);
                if (r >= 0) {
                    lists.computeIfAbsent(group, g -> new ArrayList<>()).add(r);
                }
            });
            TreeMap<Integer, int[]> groupRows = new TreeMap<>();
            Map<Integer, double[]> centers = new HashMap<>();
            lists.forEach((g, rows) -> {
                int[] sorted = rows.stream().mapToInt(Integer::intValue).sorted().toArray();
                groupRows.put(g, sorted);
                double x = 0;
                double y = 0;
                for (int r : sorted) {
                    x += projection[0][r];
                    y += projection[1][r];
                }
                centers.put(g, new double[]{x / sorted.length, y / sorted.length});
            });
            return new Placement(groupRows, centers,
                    groupRows.isEmpty() ? "none of the participants in the given groups has voted" : null);
        }

        /** The clustering's groups, mapped through the base clusters to participants (§3.6). */
        private Placement clusteredPlacement(int[] inConversationRows) {
            Map<Long, Cluster> baseById = new HashMap<>();
            for (Cluster b : state.baseClusters()) {
                baseById.put((long) b.id(), b);
            }
            TreeMap<Integer, int[]> groupRows = new TreeMap<>();
            Map<Integer, double[]> centers = new HashMap<>();
            for (Cluster group : outcome.groups()) {
                List<Long> participants = new ArrayList<>();
                for (long baseId : group.members()) {
                    for (long p : baseById.get(baseId).members()) {
                        participants.add(p);
                    }
                }
                groupRows.put(group.id(), rowsOf(m, participants.stream().mapToLong(Long::longValue).toArray()));
                centers.put(group.id(), new double[]{group.x(), group.y()});
            }
            int placed = groupRows.values().stream().mapToInt(r -> r.length).sum();
            if (groupRows.isEmpty()) {
                return new Placement(groupRows, centers, inConversationRows.length == 0
                        ? "no participant can be placed yet"
                        : "no opinion groups: the " + inConversationRows.length
                        + " placed participants sit at too few distinct points of the opinion map to be split");
            }
            if (placed < params.minGroupedParticipants()) {
                return new Placement(new TreeMap<>(), centers, "too few participants to form opinion groups: "
                        + placed + " placed, need " + params.minGroupedParticipants()
                        + " (a participant is placed after voting on " + Math.min(params.minVotes(), m.columns())
                        + " statements)");
            }
            return new Placement(groupRows, centers, null);
        }

        private List<AnalysisResult.MajorityStatement> majority(List<Consensus.Majority> list) {
            List<AnalysisResult.MajorityStatement> result = new ArrayList<>();
            for (Consensus.Majority s : list) {
                result.add(new AnalysisResult.MajorityStatement(m.statementIds[s.column()], s.pSuccess(), s.pTest(),
                        s.nSuccess(), s.nTrials()));
            }
            return result;
        }

        /** One entry per statement of the input and per voted statement missing from it, ascending by id. */
        private List<AnalysisResult.StatementStats> statementStats(GroupTallies tallies, double[] gic,
                                                                   double[] divisiveness, Bridging.Fit bridging,
                                                                   GroupTallies routing) {
            Map<Long, AnalysisInput.Statement> all = new TreeMap<>();
            for (AnalysisInput.Statement s : input.statements()) {
                all.put(s.id(), s);
            }
            for (long id : m.statementIds) {
                all.putIfAbsent(id, AnalysisInput.Statement.of(id));
            }
            double[][] statementProjection = pca == null ? null : Projection.statements(m, pca);
            double[] extremity = statementProjection == null ? null : Projection.extremity(statementProjection);
            List<AnalysisResult.StatementStats> stats = new ArrayList<>(all.size());
            for (AnalysisInput.Statement s : all.values()) {
                int c = m.columnOf(s.id());
                AnalysisResult.Tally votes = c < 0 ? new AnalysisResult.Tally(0, 0, 0)
                        : new AnalysisResult.Tally(m.agrees[c], m.disagrees[c], m.seen[c] - m.agrees[c] - m.disagrees[c]);
                Map<Integer, AnalysisResult.Tally> groupVotes = new LinkedHashMap<>();
                if (tallies != null) {
                    for (int g = 0; g < tallies.groups(); g++) {
                        groupVotes.put(tallies.groupIds()[g], c < 0 ? new AnalysisResult.Tally(0, 0, 0)
                                : new AnalysisResult.Tally(tallies.agree()[g][c], tallies.disagree()[g][c],
                                tallies.seen()[g][c] - tallies.agree()[g][c] - tallies.disagree()[g][c]));
                    }
                }
                long agree = 0;
                long seen = 0;
                long pass = 0;
                if (c >= 0 && routing != null) {
                    for (int g = 0; g < routing.groups(); g++) {
                        agree += routing.agree()[g][c];
                        seen += routing.seen()[g][c];
                        pass += routing.seen()[g][c] - routing.agree()[g][c] - routing.disagree()[g][c];
                    }
                }
                double e = c < 0 || extremity == null ? 0 : extremity[c];
                stats.add(new AnalysisResult.StatementStats(s.id(), s.moderatedOut(), s.meta(), votes, groupVotes,
                        gic == null || c < 0 ? null : gic[c],
                        divisiveness == null || c < 0 || m.excluded[c] ? null : divisiveness[c],
                        bridging == null || c < 0 || !bridging.scored()[c] ? null : bridging.intercept()[c],
                        e,
                        c < 0 || statementProjection == null ? null
                                : new double[]{statementProjection[0][c], statementProjection[1][c]},
                        RoutingPriority.of(s.meta(), agree, pass, seen, e)));
            }
            return stats;
        }
    }
}
