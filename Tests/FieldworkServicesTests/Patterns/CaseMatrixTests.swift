import FieldworkCore
import FieldworkServices
import Foundation
import FieldworkTestSupport
import Testing

/// The code × case matrix and the co-occurrence pairs on the repository's sample study (three
/// coders and a consensus in `codings/`): every count is exactly the passages its cell opens.
@Suite struct CaseMatrixTests {
    /// One case per kind of row, so the cases run beside the other tests (one test of every row
    /// kind ran for 80 s alone at the end of the PostgreSQL pass).
    @Test(arguments: [CaseMatrix.Rows.participant, .document, .administration, .attribute("living_situation")])
    func everyCellCountsExactlyThePassagesItOpens(_ rows: CaseMatrix.Rows) async throws {
        let context = try await SampleStudy.open()
        defer { try? FileManager.default.removeItem(at: context.workspace.root) }
        let matrix = CaseMatrix(store: context.store)
        var checked = 0
        // Every cell opens its own retrieval: on PostgreSQL one variant of the table (90 s of CPU
        // for all three, the longest test of the CI's PostgreSQL pass); the variants differ only in
        // what is counted above the store, which the SQLite pass checks.
        let variants: [(Bool, String?)] = [(false, nil), (true, nil), (false, "Consensus")]
        for (includeChildren, coder) in TestStore.isPostgreSQL ? Array(variants.prefix(1)) : variants {
            let table = try await matrix.table(rows: rows, includeChildren: includeChildren, coder: coder)
            for label in table.labels {
                for code in table.columns where table.count(label, code) > 0 {
                    let passages = try await matrix.passages(rows: rows, row: label, code: code, includeChildren: includeChildren, coder: coder)
                    #expect(passages.count == table.count(label, code), "\(rows.rawValue) \(label) \(code)")
                    #expect(passages.allSatisfy { coder == nil || $0.coding.coder == coder })
                    checked += 1
                }
            }
        }
        #expect(checked > 10)
    }

    @Test func attributeRowsCountEachValue() async throws {
        let context = try await SampleStudy.open()
        defer { try? FileManager.default.removeItem(at: context.workspace.root) }
        let matrix = CaseMatrix(store: context.store)
        #expect(try await matrix.attributeKeys().contains("living_situation"))
        // An attribute row counts each passage once per value its people have.
        let alone = try await matrix.table(rows: .attribute("living_situation"))
        #expect(alone.labels.contains("alone"))
        #expect(CaseMatrix.Rows(rawValue: "attribute:living_situation") == .attribute("living_situation"))
        #expect(CaseMatrix.Rows(rawValue: "attribute:") == nil && CaseMatrix.Rows(rawValue: "case") == nil)
    }

    /// R01 withdrew every consent: their row stays (zeros, role), but the attribute columns say
    /// nothing about them — their age band and household stood there.
    @Test func aParticipantWithNoConsentInForceHasNoAttributeValues() async throws {
        let context = try await SampleStudy.open()
        defer { try? FileManager.default.removeItem(at: context.workspace.root) }
        let matrix = CaseMatrix(store: context.store)
        #expect(try await matrix.table(rows: .participant).attribute("R01", "age_band") == "75-79")
        #expect(try await matrix.table(rows: .attribute("support")).labels.contains("hemtjänst 3 ggr/dag, trygghetslarm"))
        try ConsentStates.withdrawSampleR01(in: context.workspace.root)
        #expect(try await context.ingest.ingest().succeeded)
        let table = try await matrix.table(rows: .participant)
        #expect(table.labels.contains("R01") && table.roles["R01"] == "resident")
        #expect(table.attribute("R01", "age_band") == "" && table.attribute("R01", "living_situation") == "")
        #expect(table.attribute("R02", "living_situation") != "")
        // Nor is a value only they had a row of its own.
        #expect(!(try await matrix.table(rows: .attribute("support")).labels.contains("hemtjänst 3 ggr/dag, trygghetslarm")))
    }

    @Test func everyCooccurrencePairOpensItsBothSegments() async throws {
        let context = try await SampleStudy.open()
        defer { try? FileManager.default.removeItem(at: context.workspace.root) }
        for coder in [nil, "Consensus"] as [String?] {
            let counts = try await context.agreement.cooccurrence(coder: coder)
            #expect(!counts.pairs.isEmpty)
            for pair in counts.pairs {
                let passages = try await context.agreement.cooccurrencePassages(pair.codeA, pair.codeB, coder: coder)
                #expect(passages.count == pair.both, "\(pair.codeA) + \(pair.codeB)")
                for passage in passages {
                    let codes = Set(passage.codings.map(\.codeID))
                    #expect(codes == [pair.codeA, pair.codeB])
                    #expect(passage.codings.allSatisfy { $0.start < passage.segment.end && $0.end > passage.segment.start })
                    #expect(passage.withheld != nil || !passage.text.isEmpty)
                }
            }
        }
        await #expect(throws: CodingError.self) { try await context.agreement.cooccurrencePassages("no.such", "barrier") }
    }
}
