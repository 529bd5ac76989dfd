import FieldworkCore
import FieldworkServices
import Foundation
import Testing

/// A need's page and its handout said different numbers of quotes withheld for consent (7 and
/// 5 for one need of the sample study): the page counted codings, group notes included, the
/// handout residents' turns. Both now count `QuotesWithheld`: distinct passages withheld
/// because a participant did not consent.
@Suite struct QuotesWithheldAgreementTests {
    @Test func everyNeedsPageAndHandoutCountTheSamePassagesWithheld() async throws {
        let context = try await SampleStudy.open()
        let register = try await context.needsRegister.register()
        let handouts = HandoutService(workspace: context.workspace, store: context.store)
        let passages = try await context.needsRegister.passages()
        let participants = try await context.store.participants()
        let consent = ConsentRule(participants: participants, today: ConsentRule.today([]).today)
        let codebook = try await context.store.codebook()
        #expect(register.contains { $0.quotesWithheld > 0 }, "the sample study withholds some quotes")
        for evidence in register {
            let handout = try await handouts.handout(codeID: evidence.need.id)
            #expect(handout.quotesWithheld == evidence.quotesWithheld, "\(evidence.need.id)")
            // Counted by passage: the segments (turns) whose people did not all consent to quoting.
            let codes = Set(codebook.subtree(of: evidence.need.id))
            let withheld = passages.filter { codes.contains($0.coding.codeID) && QuotesWithheld.isWithheld($0, consent: consent) }
            let turns = Set(withheld.map { "\($0.document.id)#\($0.segmentIndex ?? -1)" })
            #expect(evidence.quotesWithheld == turns.count, "\(evidence.need.id)")
        }
    }
}
