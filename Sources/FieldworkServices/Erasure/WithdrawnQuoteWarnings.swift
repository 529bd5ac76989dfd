import FieldworkCore

/// Codebook examples that quote a participant who has withdrawn consent. Examples are the
/// researchers' own text, copied from a transcript into the codebook and from there into the
/// codebook page, its exports and QDPX code descriptions, which show it as withheld
/// (`ShownCodebook`) while the files keep it. Ingest names each one when the register or the codebook changed, so that it can be
/// removed or replaced (`fieldwork erase` removes them itself). The warning gives the code, the
/// example's place in its list and the participant's id, never the words (`QuotedExample` says
/// what counts as quoting).
struct WithdrawnQuoteWarnings {
    let store: any FieldworkStore

    func problems() async throws -> [SourceProblem] {
        let codebook = try await store.codebook()
        let codes = codebook.codes
        guard codes.contains(where: \.hasExamples) else { return [] }
        let participants = try await store.participants()
        let rule = ConsentRule.today(participants)
        var problems: [SourceProblem] = []
        for participant in participants where [DocumentType.interview, .workshop].contains(where: {
            rule.words(of: [participant.id], type: $0, date: nil) == .withheld(.withdrawn)
        }) {
            let passages = try await ErasurePlan.make(participant.id, store: store).passages
            for example in QuotedExample.find(in: codes, passages: passages) {
                problems.append(SourceProblem(
                    file: example.file, line: codebook[example.codeID]?.source?.line ?? 0,
                    "example \(example.position)\(example.language.map { " (\($0))" } ?? "") of \(example.codeID) quotes \(participant.id), "
                        + "who has withdrawn consent: remove or replace it (pages and exports show it as withheld until then)"))
            }
        }
        return problems
    }
}
