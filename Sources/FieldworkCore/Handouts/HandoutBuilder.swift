import Foundation

/// Builds a handout from the coded material of one code and the codes below it.
public enum HandoutBuilder {
    public static func build(
        codeID: String, station: String? = nil, codebook: Codebook, passages: [CodedPassage], participants: [Participant],
        links: [NeedSolutionLink], solutions: [Solution], today: String, access: AccessRule? = nil, smallCells: SmallCells? = nil
    ) -> Handout? {
        guard let code = codebook[codeID] else { return nil }
        let codes = Set(codebook.subtree(of: codeID))
        let own = passages.filter { codes.contains($0.coding.codeID) }
            .sorted { ($0.document.date ?? "", $0.document.id, $0.coding.start) < ($1.document.date ?? "", $1.document.id, $1.coding.start) }
        let people = Dictionary(participants.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let speakers = Set(own.flatMap(\.participants)).compactMap { people[$0] }
        let administrations = Set(speakers.filter { $0.role == .resident }.flatMap(\.administrations))
        // The needs register's rule: the consent rule, quoting, as of today.
        let (quotes, withheld) = NeedsRegister.representativeQuotes(own, consent: ConsentRule(participants: participants, today: today, access: access))
        let catalogue = Dictionary(solutions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let candidates = links.filter { codes.contains($0.needID) && $0.status != .rejected }
            .sorted { ($0.status == .piloted ? 0 : 1, $0.solutionID) < ($1.status == .piloted ? 0 : 1, $1.solutionID) }
            .compactMap { link -> Handout.CandidateSolution? in
                guard let solution = catalogue[link.solutionID] else { return nil }
                return Handout.CandidateSolution(name: solution.name, description: solution.description,
                                                 costToResident: solution.costToResident, competence: solution.competence,
                                                 status: link.status)
            }
        var seen: Set<String> = []
        let uniqueCandidates = candidates.filter { seen.insert($0.name).inserted }
        return Handout(
            codeID: codeID, title: code.name, description: code.description ?? "", station: station,
            residents: speakers.filter { $0.role == .resident }.count, participants: speakers.count,
            administrations: Administration.allCases.filter(administrations.contains),
            quotes: quotes.map { quote in
                let speakers = quote.participants.compactMap { people[$0] }
                // For publication, never a label that names a group smaller than k.
                let speaker = smallCells.map { $0.attribution(of: speakers, among: participants) }
                    ?? speakers.map(label).joined(separator: " and ")
                return Handout.Quote(text: quote.text, speaker: speaker)
            },
            quotesWithheld: withheld, solutions: uniqueCandidates,
            questions: questions(title: code.name, solutions: uniqueCandidates), smallCells: smallCells)
    }

    /// "Resident, 75–79": role and age band only, so nobody in the room can be pointed out.
    static func label(_ participant: Participant) -> String {
        let role = participant.role.rawValue.prefix(1).uppercased() + participant.role.rawValue.dropFirst()
        guard let age = participant.attributes["age_band"], !age.isEmpty else { return role }
        return "\(role), \(age.replacingOccurrences(of: "-", with: "–"))"
    }

    static func questions(title: String, solutions: [Handout.CandidateSolution]) -> [String] {
        var questions = [
            "When does “\(title)” matter most in an ordinary week?",
            "Who is involved today — which administrations, relatives or others — and who should be?",
        ]
        if let first = solutions.first {
            questions.append("Would “\(first.name)” help? What must it never cost or ask of the resident?")
        } else {
            questions.append("What kind of help, with or without technology, would make a difference?")
        }
        questions.append("What would have to be true for you to trust it?")
        return questions
    }
}
