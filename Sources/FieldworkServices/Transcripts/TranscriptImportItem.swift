import FieldworkCore
import Foundation

/// One transcript file planned for import: what was recognised, where it goes, and why it
/// cannot be written (if so).
public struct TranscriptImportItem: Sendable {
    public struct Speaker: Sendable, Hashable {
        /// The name as the source has it (shown only for unknown speakers, to be mapped).
        public var source: String
        /// The label written to the corpus; nil while the speaker is unknown.
        public var label: String?
        public var turns: Int
    }

    public var source: String
    public var format: String
    public var id: String
    public var output: URL
    /// The output path as shown (workspace-relative when inside it).
    public var outputPath: String
    public var cues: Int
    public var turns: Int
    public var timedTurns: Int
    public var firstTime: TranscriptTime?
    public var lastTime: TranscriptTime?
    public var speakers: [Speaker]
    public var problems: [String]
    /// The corpus file's text (empty when there are problems).
    public var markdown: String

    public var unknownSpeakers: [Speaker] { speakers.filter { $0.label == nil } }
}
