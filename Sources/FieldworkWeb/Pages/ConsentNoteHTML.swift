import FieldworkServices

/// The line a researcher view shows when the consent rule left something out: counts, never names.
enum ConsentNoteHTML {
    static func paragraph(_ metadata: ExportMetadata) -> String {
        guard !metadata.withheld.isEmpty else { return "" }
        return "<p class=\"withheld\">withheld: consent — \(HTML.escape(metadata.summary))</p>"
    }
}
