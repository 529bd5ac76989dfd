import FieldworkCore

/// A researcher's note that still names an erased participant or quotes their words after the
/// erasure (`PersonMention`). Notes are the team's analysis, so they are not cut automatically;
/// the report says where each is, never what it says, so that a person edits it.
public struct NoteToReview: Sendable, Hashable {
    public enum Place: Sendable, Hashable {
        /// A coding's memo (the coding is on someone else's words; theirs were deleted).
        case codingMemo(codingID: String, codeID: String, documentID: String, removed: Bool)
        case memo(id: String, target: Memo.Target, targetID: String, removed: Bool)
        case linkRationale(needID: String, solutionID: String, removed: Bool)
        /// A code's text in a codebook file: `field` is name, description, include, exclude,
        /// example N or question N.
        case codebook(codeID: String, field: String, language: String?)
        /// A line of a corpus file or of the register that still names them: a note's running
        /// text ("R01 och R08 beskrev …"), another participant's `relation: son of R01`. The
        /// erasure cut their passages and front-matter mentions, not other people's sentences.
        case line(Int)
    }

    public var place: Place
    /// The file that holds it: `codings/maja-lind.jsonl`, `codebooks/fieldwork.yaml`.
    public var file: String
    /// Who wrote it last; nil for the codebook (git knows).
    public var by: String?
    public var mention: PersonMention.Kind

    /// The lines of `files` (workspace path and text: the corpus's Markdown files and the
    /// register) that name the person.
    static func find(lines files: [(path: String, text: String)], mention: PersonMention) -> [NoteToReview] {
        var found: [NoteToReview] = []
        for (path, text) in files {
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where mention.find(in: String(line)) == .names {
                found.append(NoteToReview(place: .line(index + 1), file: path, by: nil, mention: .names))
            }
        }
        return found
    }

    /// The notes of the codings files' records and of the codes that mention the person.
    static func find(codingsFiles: [(path: String, records: [LedgerRecord])], codes: [Code],
                     mention: PersonMention) -> [NoteToReview] {
        var found: [NoteToReview] = []
        for (path, records) in codingsFiles {
            for record in records {
                let (place, text): (Place, String?) = switch record {
                case .coding(let entry):
                    (.codingMemo(codingID: entry.id, codeID: entry.code, documentID: entry.document, removed: entry.removed != nil), entry.memo)
                case .memo(let entry):
                    (.memo(id: entry.id, target: entry.target, targetID: entry.targetID, removed: entry.removed != nil), entry.text)
                case .needLink(let entry):
                    (.linkRationale(needID: entry.need, solutionID: entry.solution, removed: entry.removed != nil), entry.rationale)
                }
                guard let text, let kind = mention.find(in: text) else { continue }
                found.append(NoteToReview(place: place, file: path, by: record.changedBy, mention: kind))
            }
        }
        for code in codes {
            for (field, language, text) in texts(of: code) {
                guard let kind = mention.find(in: text) else { continue }
                found.append(NoteToReview(place: .codebook(codeID: code.id, field: field, language: language),
                                          file: code.source?.file ?? "codebooks", by: nil, mention: kind))
            }
        }
        return found
    }

    /// Every text of a code a researcher wrote, own and per language (its id and colour are not text).
    private static func texts(of code: Code) -> [(field: String, language: String?, text: String)] {
        func fields(name: String?, description: String?, include: String?, exclude: String?, examples: [String]?,
                    questions: [String]?, language: String?) -> [(String, String?, String)] {
            var texts: [(String, String?, String)] = []
            for (field, text) in [("name", name), ("description", description), ("include", include), ("exclude", exclude)] {
                if let text { texts.append((field, language, text)) }
            }
            for (index, example) in (examples ?? []).enumerated() { texts.append(("example \(index + 1)", language, example)) }
            for (index, question) in (questions ?? []).enumerated() { texts.append(("question \(index + 1)", language, question)) }
            return texts
        }
        var translated: [(String, String?, String)] = []
        for language in code.translations.keys.sorted() {
            let translation = code.translations[language]!
            translated += fields(name: translation.name, description: translation.description, include: translation.include,
                                 exclude: translation.exclude, examples: translation.examples, questions: translation.questions,
                                 language: language)
        }
        // The own text is also one language's: named once, under that language.
        let own = fields(name: code.name, description: code.description, include: code.include, exclude: code.exclude,
                         examples: code.examples, questions: code.questions, language: nil)
            .filter { own in !translated.contains { $0.0 == own.0 && $0.2 == own.2 } }
        return own + translated
    }
}
