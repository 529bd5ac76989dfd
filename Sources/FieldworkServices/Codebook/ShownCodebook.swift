import FieldworkCore
import Foundation

/// The codebook as every face shows and exports it: an example that quotes words the consent
/// rule withholds today (a participant who withdrew, or whose consent never covered that
/// material) reads as the rule's marker instead, in every language's list, until a researcher
/// removes it. Examples are the researchers' own text, copied from transcripts, so the rule on
/// passages does not reach them by itself; without this the codebook page, its exports and QDPX
/// code descriptions kept a withdrawn participant's words (found by a new user, session 25).
/// The codebook files themselves are left as they are (`fieldwork erase` removes such examples,
/// and ingest warns of them: `WithdrawnQuoteWarnings`).
public struct ShownCodebook: Sendable {
    let store: any FieldworkStore

    public init(store: any FieldworkStore) {
        self.store = store
    }

    public func codebook() async throws -> Codebook {
        try await marked().codebook
    }

    /// One code as shown (an edit's answer carries the code it changed).
    public func shown(_ code: Code) async throws -> Code {
        guard code.hasExamples else { return code }
        return Self.marking(Codebook(codes: [code]), withheld: try await withheldPassages().mapValues { $0.map(\.text) }).codebook.codes[0]
    }

    /// The codebook as shown, and how many examples it shows as withheld, by reason (an export's
    /// consent metadata counts them).
    public func marked() async throws -> (codebook: Codebook, withheld: WithheldCount) {
        let codebook = try await store.codebook()
        guard codebook.codes.contains(where: \.hasExamples) else { return (codebook, WithheldCount()) }
        return Self.marking(codebook, withheld: try await withheldPassages().mapValues { $0.map(\.text) })
    }

    /// `codebook` with each example that quotes one of the `withheld` passages (their text and
    /// why) read as the reason's marker, and how many examples that was, by reason. A code whose
    /// languages give lists of the same length gives them as translations of each other: the
    /// example in the same place of every other language's list is withheld with it (a
    /// translation of someone's words is still their words).
    public static func marking(_ codebook: Codebook, withheld: [ConsentRule.Reason: [String]]) -> (codebook: Codebook, withheld: WithheldCount) {
        var markers: [String: ExampleMarkers] = [:]
        var count = WithheldCount()
        for reason in ConsentRule.Reason.allCases {
            guard let passages = withheld[reason] else { continue }
            for example in QuotedExample.find(in: codebook.codes, passages: passages)
            where markers[example.codeID]?.byText[example.text] == nil {
                markers[example.codeID, default: ExampleMarkers()].byText[example.text] = reason.marker
                if example.language != nil { markers[example.codeID]!.byPosition[example.position - 1] = reason.marker }
                count.add(reason)
            }
        }
        guard !markers.isEmpty else { return (codebook, count) }
        return (Codebook(codes: codebook.codes.map { code in
            guard let marked = markers[code.id] else { return code }
            var code = code
            code.replaceExamples(marked)
            return code
        }), count)
    }

    /// The texts of the passages whose words are withheld today, by reason. Only documents that
    /// can hold such words are read: an interview naming in its front matter someone whose words
    /// the rule withholds in it (its type and date; an interview's speakers are always named
    /// there), or a workshop or policy lab in which the rule withholds anyone's words (their notes
    /// may name any participant as their author). Asking of each document rather than whether
    /// its people are withheld anywhere matters: a register whose people consented to interviews
    /// only withholds all of them from workshops, and reading every interview for that made a
    /// first ingest of 1,000 transcripts take twice as long (session 33).
    ///
    /// `reasons`: only passages withheld for one of these (all when nil). A passage is withheld
    /// for the reason of one of its people, so only documents in which the rule withholds someone
    /// for one of them are read: the check for examples quoting withdrawn words need not read the
    /// interviews made before their people's consent (a first ingest of a study read hundreds).
    func withheldPassages(for reasons: Set<ConsentRule.Reason>? = nil) async throws -> [ConsentRule.Reason: [WithheldPassage]] {
        let participants = try await store.participants()
        let rule = ConsentRule.today(participants)
        func withholds(_ id: String, type: DocumentType, date: String?) -> Bool {
            guard case .withheld(let reason) = rule.words(of: [id], type: type, date: date) else { return false }
            return reasons?.contains(reason) ?? true
        }
        let documents = try await store.documents().map(\.metadata).filter { ConsentRule.scope(of: $0.type) != nil }
        // Whose words can be withheld at all, asked once per person (not per person and document).
        let asked = reasons ?? Set(ConsentRule.Reason.allCases)
        let suspects = Set(participants.map(\.id).filter { rule.mayWithhold($0, for: asked) })
        guard !suspects.isEmpty else { return [:] }
        // A workshop's or policy lab's notes may name anyone as their author: everyone the rule
        // withholds in some workshop or policy lab is asked of each (listed once, not per document).
        let workshops = Set(documents.filter { $0.type != .interview }.map { Material(type: $0.type, date: $0.date) })
        let anyAuthor = Array(suspects.filter { id in workshops.contains { withholds(id, type: $0.type, date: $0.date) } })
        let candidates = documents.filter { metadata in
            (metadata.type == .interview ? metadata.participants.filter(suspects.contains) : anyAuthor)
                .contains { withholds($0, type: metadata.type, date: metadata.date) }
        }
        guard !candidates.isEmpty else { return [:] }
        // Read and masked on every core, each lane taking every lanes-th document: after an
        // ingest this is the last thing it waits for, and the documents are independent. The
        // passages keep the documents' order whatever lane found them.
        let lanes = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 4, candidates.count))
        let known = Set(participants.map(\.id))
        let store = self.store
        let found = try await withThrowingTaskGroup(of: [(Int, [Found])].self) { group in
            for lane in 0..<lanes {
                group.addTask {
                    var cache = DocumentContextCache(store: store, known: known)
                    var found: [(Int, [Found])] = []
                    for index in stride(from: lane, to: candidates.count, by: lanes) {
                        found.append((index, try await Self.withheld(in: candidates[index], cache: &cache, rule: rule)))
                    }
                    return found
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }.sorted { $0.0 < $1.0 }
        }
        var passages: [ConsentRule.Reason: [WithheldPassage]] = [:]
        for (_, inDocument) in found {
            for (reason, passage) in inDocument where reasons?.contains(reason) ?? true { passages[reason, default: []].append(passage) }
        }
        return passages
    }

    private typealias Found = (reason: ConsentRule.Reason, passage: WithheldPassage)

    /// The passages of one document whose words `rule` withholds, in text order.
    private static func withheld(in metadata: DocumentMetadata, cache: inout DocumentContextCache,
                                 rule: ConsentRule) async throws -> [Found] {
        cache.keepOnly(metadata.id)
        guard let entry = try await cache.entry(metadata.id) else { return [] }
        let mask = ConsentMask(document: entry.document.metadata, segments: entry.segments, text: entry.text,
                               attributor: entry.attributor, rule: rule)
        return mask.withheld.map { span, reason in
            let segment = entry.segments.first { $0.span == span }
            // Whose words they are: those of the passage's people whom the rule withholds.
            let people = entry.attribution(of: segment).participants.filter {
                rule.words(of: [$0], type: metadata.type, date: metadata.date) != .allowed
            }
            return (reason, WithheldPassage(text: entry.text[span], people: people))
        }
    }

    /// The words of a withheld passage and whose words withheld they are.
    struct WithheldPassage: Sendable {
        let text: String
        let people: [String]
    }

    private struct Material: Hashable {
        let type: DocumentType
        let date: String?
    }
}

/// The markers that stand for a code's withheld examples: by the example's text, and by its
/// place in its language's list (for the same place in the other languages' lists).
struct ExampleMarkers {
    var byText: [String: String] = [:]
    var byPosition: [Int: String] = [:]
}

extension Code {
    var hasExamples: Bool {
        !examples.isEmpty || translations.values.contains { $0.examples?.isEmpty == false }
    }

    /// Each example `markers` names reads as its marker, in the own list and every language's;
    /// by place too when the languages' lists are translations of each other (the same length).
    mutating func replaceExamples(_ markers: ExampleMarkers) {
        let lists = translations.values.compactMap(\.examples)
        let parallel = lists.count > 1 && Set(lists.map(\.count)).count == 1
        func replaced(_ list: [String]) -> [String] {
            list.enumerated().map { index, example in
                markers.byText[example] ?? (parallel ? markers.byPosition[index] : nil) ?? example
            }
        }
        examples = replaced(examples)
        for language in translations.keys {
            translations[language]!.examples = translations[language]!.examples.map(replaced)
        }
    }
}
