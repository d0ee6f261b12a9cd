/** Shapes of the Charter REST API (see the Java records named beside each). Times: ISO text or epoch seconds. */
type Time = string | number

export interface MetadataQuestion { key: string; label: string; options?: string[] }

/** ConversationCounts */
export interface Counts {
  participants: number; voters: number; statements: number; accepted: number; pending: number; rejected: number
  votes: number; voteEvents: number; lastActivity?: Time | null
}

/** ConversationView */
export interface Conversation {
  id: number; slug: string; topic: string; description?: string | null; participantsCanWrite: boolean
  moderation: 'post' | 'pre'; statementMaxLength: number; identity: 'anonymous' | 'xid'; closesAt?: Time | null
  closedAt?: Time | null; open: boolean; metadataQuestions?: MetadataQuestion[]; createdAt: Time
  xidSecret?: string | null; counts?: Counts
}

/** StatementCard */
export interface Card { id: number; text: string; meta: boolean }

/** NextStatement */
export interface Next { statement: Card | null; voted: number; remaining: number; message?: string | null }

/** VoteReceipt */
export interface Receipt { statementId: number; vote: number; next: Next }

/** ParticipantSession */
export interface Session { participantId: number; token: string; conversation: string }

export type Status = 'pending' | 'accepted' | 'rejected'

/** StatementView */
export interface StatementView {
  id: number; text: string; status: Status; seed: boolean; meta: boolean; authorId?: number; externalId?: string
  createdAt: Time; agrees?: number; disagrees?: number; passes?: number
}

export interface Organizer { id: number; email: string; displayName: string; createdAt?: Time }

export type Vote = 'agree' | 'disagree' | 'pass'

// --- analysis (org.charter.analysis.AnalysisResult) ---
export interface Representative {
  statementId: number; direction: 'agree' | 'disagree'; probability: number; representativeness: number
  zScore: number; pTest: number; nSuccess: number; nTrials: number; bestAgree: boolean
}
export interface Group { id: number; members: number[]; center: [number, number]; representative: Representative[] }
export interface Scored { statementId: number; score: number }
export interface Tally { agree: number; disagree: number; pass: number }
export interface StatementStats {
  statementId: number; moderatedOut: boolean; meta: boolean; votes: Tally; groupVotes: Record<string, Tally>
  groupInformedConsensus?: number | null; divisiveness?: number | null; bridging?: number | null
  extremity: number; projection?: [number, number] | null; priority: number
}
export interface MajorityStatement { statementId: number; probability: number; zScore: number; nSuccess: number; nTrials: number }
export interface AnalysisResult {
  participants: number; statements: number; votes: number; inConversation: number; note?: string | null
  groups: Group[]; participantGroups: Record<string, number>; projection: Record<string, [number, number]>
  consensus: Scored[]; bridging: Scored[]; divisive: Scored[]
  majority?: { agree: MajorityStatement[]; disagree: MajorityStatement[] } | null
  statementStats: StatementStats[]; tick: number
}
export interface Analysis {
  conversationId: number; version: number; voteCount: number; computedAt?: Time | null; pending?: boolean
  result: AnalysisResult | null
}
export interface Me { participantId: number; voted: number; group?: number | null; position?: [number, number] | null }

// --- opinions (org.charter.opinions) ---
export interface Issue { line: number; column?: string | null; message: string }
export interface DatasetSummary {
  id: number; name: string; fileName?: string; rows: number; questions: number; countries: number; distributions: number
  ordinalQuestions: number; sources?: Record<string, number>; skipped?: Issue[]; warnings?: Issue[]; createdAt: Time
}
export interface AnswerSetSummary { id: number; datasetId: number; name: string; fileName?: string; questions: number; warnings?: Issue[]; createdAt: Time }
export interface CountryScore { country: string; iso3?: string | null; similarity: number; questions: number; ci95?: [number, number] | null }
export interface SimilarityReport {
  dataset: string; answers: string; questions: number; metric: string; logBase?: string; countries: CountryScore[]
  skipped?: Record<string, number>; histogram?: { binWidth: number; counts: number[] }
}
export interface QuestionScore { qid: number; question: string; similarity: number }
export interface CountryAnswer { country: string; iso3?: string | null; shares: number[]; similarity?: number | null }
export interface QuestionDetail {
  qid: number; question: string; source?: string; options: string[]; ordinal?: (number | null)[] | null
  ordinalBasis?: string | null; model?: number[] | null; countries: CountryAnswer[]
}
export interface CountryChange { country: string; iso3?: string | null; before: number; after: number; change: number; questions: number; ci95?: [number, number] | null }
export interface ComparisonReport { dataset: string; before: string; after: string; questions: number; metric: string; countries: CountryChange[] }
