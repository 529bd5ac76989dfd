import FieldworkCore

/// What erasing a participant will touch, worked out before anything changes, so that the
/// files can be listed for confirmation.
public struct ErasurePlan: Sendable {
    public struct RedactedFile: Sendable, Hashable {
        public var path: String
        public var documentID: String
        /// The file's lines to drop (1-based): the participant's passages.
        public var lines: Set<Int>
        public var passages: [Range<Int>]
    }

    public var participantID: String
    /// Corpus files that hold nobody else's words: removed whole.
    public var removedFiles: [(path: String, documentID: String)]
    /// Corpus files that hold other people's words too: the participant's passages are cut out.
    public var redactedFiles: [RedactedFile]
    /// Recordings (`media:`) of the documents that hold their words: their voice.
    public var recordings: [Recording] = []
    /// Codebook examples that quote their words (`ErasureService.plan` finds them in the files).
    public var codebookExamples: [QuotedExample] = []
    /// The text of each of their passages, to find quotes of them; kept in memory only.
    var passages: [String] = []

    public struct Recording: Sendable, Hashable {
        public var path: String
        public var documentID: String
        /// Their own interview's recording is deleted; one that others share (a workshop) cannot
        /// be cut automatically, so it stays on disk, withheld for good, for a person to edit.
        public var deleted: Bool
    }

    /// Reads the store: a passage is the participant's when it is their turn, a note that
    /// names them among its authors, or a note of a group whose roster lists them (`Attribution`). A document goes whole when none of its
    /// remaining passages counts for anyone else and some were theirs; a document that only
    /// lists them (in its front matter or a group roster) is redacted of that mention.
    public static func make(_ participantID: String, store: any FieldworkStore) async throws -> ErasurePlan {
        let participants = try await store.participants()
        let known = Set(participants.map(\.id))
        var plan = ErasurePlan(participantID: participantID, removedFiles: [], redactedFiles: [])
        let summaries = try await store.documents()
        for summary in summaries {
            let id = summary.metadata.id
            guard let document = try await store.document(id: id) else { continue }
            let segments = try await store.segments(documentID: id)
            let listed = summary.metadata.participants.contains(participantID)
            guard listed || segments.contains(where: { $0.speaker == participantID }) else { continue }
            let text = ScalarText(document.plainText)
            let attributor = PassageAttributor(segments: segments, text: text, known: known)
            var theirs: [Segment] = []
            var othersRemain = false
            for segment in segments {
                let attribution = attributor.attribute(segment, text: text[segment.span])
                // A group's notes are its members' words too: left in, they would be judged by the
                // remaining members' consent alone once the roster no longer lists them, and a
                // withdrawal that withheld them would be undone by the erasure.
                // The roster paragraph itself is not cut: the pseudonym is taken out of it.
                let passage = text[segment.span]
                let isRoster = attribution.basis == .group && GroupRoster.declaredMembers(in: passage, isParticipant: known.contains) != nil
                let isTheirs = segment.speaker == participantID
                    || ([.named, .group].contains(attribution.basis) && !isRoster && attribution.participants.contains(participantID))
                if isTheirs {
                    theirs.append(segment)
                    plan.passages.append(passage)
                } else if attribution.participants.contains(where: { $0 != participantID }) {
                    othersRemain = true
                }
            }
            if let media = document.metadata.media, !theirs.isEmpty {
                plan.recordings.append(Recording(path: media, documentID: id, deleted: !othersRemain))
            }
            // A document that only lists them (no words of theirs) keeps its text.
            if !othersRemain && !theirs.isEmpty {
                plan.removedFiles.append((document.path, id))
            } else {
                plan.redactedFiles.append(RedactedFile(
                    path: document.path, documentID: id,
                    lines: Set(theirs.flatMap { Array($0.lineStart...max($0.lineStart, $0.lineEnd)) }),
                    passages: theirs.map(\.span)))
            }
        }
        // A file another remaining document also names is not theirs alone: kept for editing.
        let removed = Set(plan.removedFiles.map(\.documentID))
        let namedElsewhere = Set(summaries.filter { !removed.contains($0.metadata.id) }.compactMap(\.metadata.media))
        for index in plan.recordings.indices where namedElsewhere.contains(plan.recordings[index].path) {
            plan.recordings[index].deleted = false
        }
        return plan
    }

    /// What the store is asked to delete.
    var storeErasure: StoreErasure {
        StoreErasure(participantID: participantID,
                     passages: Dictionary(uniqueKeysWithValues: redactedFiles.map { ($0.documentID, $0.passages) }),
                     documentIDs: removedFiles.map(\.documentID))
    }
}
