import FieldworkCore
import FieldworkServices
import FieldworkTestSupport
import Foundation
import Testing

/// The answer to a coding write (`FieldworkContext.shown`) under the consent rule. The write
/// reads its document's stamp and the register's revision in its own transaction, and the
/// answer applies the rule from the register entries the document cache holds, without a read,
/// while they are that revision's. Here the register changes between writes in both directions:
/// no answer may follow what the cache held before the change.
@Suite struct ShownCodingTests {
    /// R21 and R22 share an interview; R22 withdrew after it, or not (`ConsentStates.twoResidents`).
    static func workspace(r22Withdrawn: Bool) async throws -> TemporaryWorkspace {
        let workspace = try await TemporaryWorkspace(participants: ConsentStates.twoResidents(secondWithdrawn: r22Withdrawn))
        try workspace.write("corpus/int-032.md", TemporaryWorkspace.interview(id: "int-032", participants: "[R21, R22]", body: """
            **R21:** Jag säger ordetr21x om natten och larmet.

            **R22:** Jag säger ordetr22x om eftermiddagen, från två till sex.
            """))
        try await workspace.ingest()
        return workspace
    }

    @Test func aWriteAnswersByTheRegisterItReadNotTheOneTheCacheHeld() async throws {
        let workspace = try await Self.workspace(r22Withdrawn: true)
        let context = workspace.context
        let text = try await workspace.plainText("int-032")
        func add(_ quote: String, code: String) async throws -> ShownCoding {
            let start = try #require(text.occurrences(of: Array(quote.unicodeScalars)).first)
            let written = try await context.codings.add(document: "int-032", span: start..<(start + quote.scalarCount), code: code,
                                                        coder: "anna", memo: "anteckning")
            #expect(written.basis != nil, "an insert reads its document's stamp and the register's revision")
            return try await context.shown(written)
        }
        func expectWithheld(_ shown: ShownCoding, _ what: String) {
            #expect(shown.withheld == .withdrawn && shown.coding.quote.isEmpty && shown.coding.memo == nil, "\(what): \(shown)")
        }

        // The first write reads the document into the cache; the next ones find it there.
        expectWithheld(try await add("ordetr22x om eftermiddagen", code: "need"), "first write on R22's words")
        expectWithheld(try await add("från två till sex", code: "need"), "second write on R22's words")
        let allowed = try await add("ordetr21x om natten", code: "need")
        #expect(allowed.withheld == nil && allowed.coding.quote == "ordetr21x om natten" && allowed.coding.memo == "anteckning")

        // R22 gives consent again: the cache still holds the withdrawal, the write read the new register.
        try workspace.write("corpus/participants.yaml", ConsentStates.twoResidents(secondWithdrawn: false))
        try await workspace.ingest()
        let given = try await add("ordetr22x om eftermiddagen", code: "barrier")
        #expect(given.withheld == nil && given.coding.quote == "ordetr22x om eftermiddagen")

        // And withdraws it once more.
        try workspace.write("corpus/participants.yaml", ConsentStates.twoResidents(secondWithdrawn: true))
        try await workspace.ingest()
        expectWithheld(try await add("från två till sex", code: "barrier"), "write after the second withdrawal")
    }

    /// What is worked out for one answer is kept for the next on the same register revision, day
    /// and access: a colleague to whom R22's words are restricted writes right after the one
    /// coder who may see them, on the same document, and gets them withheld.
    @Test func aWriteAnswersByTheActingCodersAccessNotThePreviousWriters() async throws {
        let workspace = try await Self.workspace(r22Withdrawn: false)
        let context = workspace.context
        let text = try await workspace.plainText("int-032")
        let access = AccessPolicy(restrictions: [.init(target: .participant("R22"), coders: ["bo"])])
        func add(_ quote: String, by coder: String) async throws -> ShownCoding {
            try await Acting.$request.withValue(Acting(coder: coder, access: access)) {
                let start = try #require(text.occurrences(of: Array(quote.unicodeScalars)).first)
                let written = try await context.codings.add(document: "int-032", span: start..<(start + quote.scalarCount),
                                                            code: "need", coder: coder)
                return try await context.shown(written)
            }
        }

        for quote in ["ordetr22x om eftermiddagen", "från två till sex"] {
            #expect(try await add(quote, by: "bo").coding.quote == quote, "bo may see R22's words")
        }
        let anna = try await add("ordetr22x om", by: "anna")
        #expect(anna.withheld == .restricted && anna.coding.quote.isEmpty, "\(anna)")
        #expect(try await add("eftermiddagen, från", by: "bo").withheld == nil)
    }
}
