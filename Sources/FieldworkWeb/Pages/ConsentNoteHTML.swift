import FieldworkServices

/// The line a researcher view shows when the consent rule left something out: counts, never names.
enum ConsentNoteHTML {
    static func paragraph(_ metadata: ExportMetadata, t: Localizer) -> String {
        guard !metadata.withheld.isEmpty else { return "" }
        return "<p class=\"withheld\">\(t.html("search.withheld", ["summary": metadata.summary]))</p>"
    }
}
