import FieldworkCore

/// What the records of a codings file name that the workspace does not have: a coding's or a
/// memo's code missing from the codebook, a link's need or solution missing (or a code that is
/// no need). `fieldwork check codings/x.jsonl` says where, before an ingest keeps such records
/// with a warning. Removed records are not judged: nothing shows them. Documents are not
/// judged either: a coding waits for a colleague's transcript (ingest counts what waits).
struct CodingsFileReferences {
    var codes: [String: CodeKind]
    /// Nil when the catalogue cannot be read: links are then not judged against it.
    var solutions: Set<String>?

    func problems(_ records: [(line: Int, record: LedgerRecord)], file: String) -> [SourceProblem] {
        // A file a server appended to restates records: only each one's latest state counts.
        var latest: [String: Int] = [:]
        for (index, entry) in records.enumerated() where latest[entry.record.id].map({ records[$0].record.version <= entry.record.version }) ?? true {
            latest[entry.record.id] = index
        }
        return records.enumerated().filter { latest[$0.element.record.id] == $0.offset }.map(\.element).compactMap { line, record -> SourceProblem? in
            let problem: String? = switch record {
            case .coding(let entry) where entry.removed == nil:
                codes[entry.code] == nil ? "coding \(entry.id) names code '\(entry.code)', which is not in the codebook" : nil
            case .memo(let entry) where entry.removed == nil && entry.target == .code:
                codes[entry.targetID] == nil ? "memo \(entry.id) is on code '\(entry.targetID)', which is not in the codebook" : nil
            case .needLink(let entry) where entry.removed == nil:
                linkProblem(entry).map { "need link \(entry.need) > \(entry.solution): \($0.description)" }
            default: nil
            }
            return problem.map { SourceProblem(file: file, line: line, $0) }
        }
    }

    private func linkProblem(_ link: LedgerRecord.NeedLinkEntry) -> NeedLinkError? {
        switch codes[link.need] {
        case nil: .unknownNeed(link.need)
        case .need?: solutions.map { $0.contains(link.solution) ? nil : .unknownSolution(link.solution) } ?? nil
        case let kind?: .notANeed(link.need, kind)
        }
    }
}
