/// Folds the proposal notes of every policy-lab session into the register: one proposal per
/// id, its notes in date order (status over time), traced to the codes it answers.
///
/// A note without `Status:` leaves the status as it was (a first note: `proposed`). References
/// to codes or solutions that do not exist, or to codes that are not needs, barriers or
/// preconditions, are problems naming file and line, and are left out.
public enum PolicyLabRegister {
    static let answerKinds: Set<CodeKind> = [.need, .barrier, .precondition]

    public static func build(notes: [ProposalNote], passages: [CodedPassage], codebook: Codebook, solutionIDs: Set<String>,
                             participants: [Participant]) -> (proposals: [Proposal], problems: [RegisterProblem]) {
        var problems: [RegisterProblem] = []
        let residents = residentsByCode(passages: passages, codebook: codebook, participants: participants)
        let ordered = notes.enumerated().sorted { a, b in
            (a.element.effectiveDate ?? "9999", a.element.documentID, a.offset) < (b.element.effectiveDate ?? "9999", b.element.documentID, b.offset)
        }.map(\.element)
        var order: [String] = []
        var byID: [String: Proposal] = [:]
        for note in ordered {
            var proposal = byID[note.proposalID] ?? Proposal(id: note.proposalID, title: note.title, status: .proposed, date: nil,
                                                            answers: [], solutions: [], history: [], text: [])
            if byID[note.proposalID] == nil { order.append(note.proposalID) }
            if !note.title.isEmpty { proposal.title = note.title }
            if let status = note.status { proposal.status = status }
            proposal.date = note.effectiveDate ?? proposal.date
            proposal.owner = note.owner ?? proposal.owner
            proposal.decision = note.decision ?? proposal.decision
            proposal.due = note.due ?? proposal.due
            if !note.text.isEmpty { proposal.text = note.text }
            proposal.history.append(Proposal.Event(date: note.effectiveDate, status: proposal.status, documentID: note.documentID,
                                                   path: note.path, line: note.line, decision: note.decision))
            for reference in note.answers {
                guard let code = codebook[reference.id] else {
                    problems.append(RegisterProblem(file: note.path, line: reference.line, .unknownCode,
                                                    ["code": reference.id, "proposal": note.proposalID]))
                    continue
                }
                guard answerKinds.contains(code.kind) else {
                    problems.append(RegisterProblem(file: note.path, line: reference.line, .notAnswerable,
                                                    ["code": reference.id, "kind": code.kind.rawValue, "proposal": note.proposalID]))
                    continue
                }
                trace(code, named: true, into: &proposal, residents: residents)
            }
            for passage in passages where passage.coding.documentID == note.documentID && note.contains(offset: passage.coding.start) {
                guard let code = codebook[passage.coding.codeID], answerKinds.contains(code.kind) else { continue }
                trace(code, named: false, into: &proposal, residents: residents)
            }
            for reference in note.solutions {
                guard solutionIDs.contains(reference.id) else {
                    problems.append(RegisterProblem(file: note.path, line: reference.line, .unknownSolution,
                                                    ["solution": reference.id, "proposal": note.proposalID]))
                    continue
                }
                if !proposal.solutions.contains(reference.id) { proposal.solutions.append(reference.id) }
            }
            byID[note.proposalID] = proposal
        }
        let proposals = order.compactMap { byID[$0] }.map { proposal in
            var sorted = proposal
            sorted.answers.sort { (kindRank($0.kind), $0.codeID) < (kindRank($1.kind), $1.codeID) }
            return sorted
        }
        return (proposals, problems)
    }

    private static func trace(_ code: Code, named: Bool, into proposal: inout Proposal, residents: [String: [String]]) {
        if let index = proposal.answers.firstIndex(where: { $0.codeID == code.id }) {
            if named { proposal.answers[index].named = true } else { proposal.answers[index].coded = true }
            return
        }
        proposal.answers.append(Proposal.Trace(codeID: code.id, kind: code.kind, name: code.name, named: named, coded: !named,
                                               residents: residents[code.id] ?? []))
    }

    private static func kindRank(_ kind: CodeKind) -> Int {
        switch kind {
        case .need: 0
        case .barrier: 1
        case .precondition: 2
        default: 3
        }
    }

    /// Code → the residents whose words carry it or a code of the same kind below it.
    static func residentsByCode(passages: [CodedPassage], codebook: Codebook, participants: [Participant]) -> [String: [String]] {
        let isResident = Set(participants.filter { $0.role == .resident }.map(\.id))
        var direct: [String: Set<String>] = [:]
        for passage in passages {
            direct[passage.coding.codeID, default: []].formUnion(passage.participants.filter(isResident.contains))
        }
        var result: [String: [String]] = [:]
        for code in codebook.codes where answerKinds.contains(code.kind) {
            let people = codebook.subtree(of: code.id).filter { codebook[$0]?.kind == code.kind }.reduce(into: Set<String>()) {
                $0.formUnion(direct[$1] ?? [])
            }
            result[code.id] = people.sorted()
        }
        return result
    }
}
