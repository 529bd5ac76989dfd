import FieldworkCore

/// The report's barriers and preconditions: each code of those kinds that passages carry, with
/// the people its passages count for (the attribution rule) and the needs coded beside it.
enum ReportObstacles {
    /// Codes with the most residents first, then codebook order.
    static func sections(codebook: Codebook, passages: [CodedPassage], participants: [Participant],
                         evidence: [NeedEvidence]) -> [StudyReport.ObstacleSection] {
        let people = Dictionary(participants.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let byCode = Dictionary(grouping: passages, by: \.coding.codeID)
        let sections = codebook.codes.enumerated().compactMap { index, code -> (Int, StudyReport.ObstacleSection)? in
            guard code.kind == .barrier || code.kind == .precondition, let own = byCode[code.id], !own.isEmpty else { return nil }
            let ids = Set(own.flatMap(\.participants))
            let byRole = PeopleByRole(ids.compactMap { people[$0] })
            let needs = evidence.filter { need in (need.barriers + need.preconditions).contains { $0.codeID == code.id } }.map(\.need.name)
            return (index, StudyReport.ObstacleSection(id: code.id, name: code.name, kind: code.kind, residents: byRole.residents.count,
                                                       people: ids.count, needs: needs))
        }
        return sections.sorted { ($1.1.residents, $0.0) < ($0.1.residents, $1.0) }.map(\.1)
    }
}
