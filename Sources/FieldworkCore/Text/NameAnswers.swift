import Synchronization

/// The answers of a pure function of a person's name, kept for the names already asked.
///
/// A coding write asks whether its coder's name is reserved (`ReservedCoder.matching`: both
/// spellings composed, lower-cased and turned into codings-file names, for each reserved name),
/// and the codings file's flush asks each record's file name (`LedgerMerge.fileSlug`): Unicode
/// normalisation each time, together about 4 % of a coding write's server CPU, for the same
/// handful of names. Names are kept by their exact scalars (not by `String`'s canonical
/// equivalence), so every spelling gets the answer the function gives it. Bounded: a flood of
/// distinct names only empties it now and then.
final class NameAnswers<Answer: Sendable>: Sendable {
    /// A name compared and hashed by its UTF-8 bytes.
    private struct ExactName: Hashable, Sendable {
        let text: String

        static func == (a: ExactName, b: ExactName) -> Bool { a.text.utf8.elementsEqual(b.text.utf8) }

        func hash(into hasher: inout Hasher) {
            for byte in text.utf8 { hasher.combine(byte) }
        }
    }

    private let answers = Mutex<[ExactName: Answer]>([:])
    private let limit: Int
    private let compute: @Sendable (String) -> Answer

    init(limit: Int = 1024, _ compute: @escaping @Sendable (String) -> Answer) {
        self.limit = limit
        self.compute = compute
    }

    func callAsFunction(_ name: String) -> Answer {
        let key = ExactName(text: name)
        if let known = answers.withLock({ $0[key] }) { return known }
        let answer = compute(name)
        answers.withLock { answers in
            if answers.count >= limit { answers.removeAll(keepingCapacity: true) }
            answers[key] = answer
        }
        return answer
    }
}
