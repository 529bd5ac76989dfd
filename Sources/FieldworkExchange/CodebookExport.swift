import FieldworkCore
import FieldworkServices

/// `fieldwork export codebook`: the ingested codebook as a REFI-QDA codebook (`.qdc`), as a
/// table (CSV) for spreadsheets, R and pandas, or as Markdown for people.
public struct CodebookExport: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case qdc
        case csv
        case md
    }

    public static let csvHeader = [
        "id", "name", "kind", "parent", "description", "include", "exclude", "examples", "color", "codings",
    ]

    let store: any FieldworkStore

    public init(store: any FieldworkStore) {
        self.store = store
    }

    /// The export's text and the number of codes in it.
    public func render(_ format: Format) async throws -> (text: String, codes: Int) {
        let export = try await rendered(format)
        return (export.text, export.codes)
    }

    /// The same with the consent rule as applied: how many examples it withheld, by reason; and
    /// the identifiers of `corpus/redactions.yaml` replaced in the codes' texts (counted).
    public func rendered(_ format: Format, redactions: Redactions = Redactions([])) async throws -> (text: String, codes: Int, consent: ExportMetadata) {
        let shown = try await ShownCodebook(store: store).marked()
        var consent = ExportMetadata(export: "codebook-\(format.rawValue)", rule: ConsentRule.today([]))
        consent.add(shown.withheld, unit: "examples")
        var count = 0
        let codebook = redactions.isEmpty ? shown.codebook : Codebook(codes: shown.codebook.codes.map { $0.redacted(with: redactions, count: &count) })
        if !redactions.isEmpty { consent.redactions = count }
        let (text, codes) = try await render(codebook, format)
        return (text, codes, consent)
    }

    private func render(_ codebook: Codebook, _ format: Format) async throws -> (text: String, codes: Int) {
        switch format {
        case .qdc:
            return (try CodebookXML.codebookDocument(codebook), codebook.codes.count)
        case .csv:
            let counts = try await codingCounts()
            var writer = CSVWriter(header: Self.csvHeader)
            for code in Self.treeOrder(codebook) {
                writer.append([
                    code.id, code.name, code.kind.rawValue, code.parentID ?? "", code.description ?? "",
                    code.include ?? "", code.exclude ?? "",
                    // One example per line inside the quoted field: examples may hold any punctuation.
                    code.examples.joined(separator: "\n"), code.color ?? "", String(counts[code.id] ?? 0),
                ])
            }
            return (writer.text, codebook.codes.count)
        case .md:
            return (CodebookMarkdown.render(codebook, order: Self.treeOrder(codebook), counts: try await codingCounts()),
                    codebook.codes.count)
        }
    }

    /// Live codings (anchored or orphaned) of each code itself, children not included.
    private func codingCounts() async throws -> [String: Int] {
        try await store.codingCountsByCode()
    }

    /// Depth first, siblings in their written order: how the codebook reads.
    static func treeOrder(_ codebook: Codebook) -> [Code] {
        func walk(_ code: Code) -> [Code] { [code] + codebook.children(of: code.id).flatMap(walk) }
        return codebook.roots.flatMap(walk)
    }
}
