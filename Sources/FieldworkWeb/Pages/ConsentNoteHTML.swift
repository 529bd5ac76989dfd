import FieldworkCore
import FieldworkServices

/// The line a researcher view shows when the consent rule (or access to material restricted to
/// named coders) left something out: counts, never names.
enum ConsentNoteHTML {
    static func paragraph(_ metadata: ExportMetadata, t: Localizer) -> SafeHTML {
        guard !metadata.withheld.isEmpty else { return SafeHTML() }
        return line(heading: t.withheldHeading(metadata.reasons), summary: metadata.summary, t: t)
    }

    static func paragraph(_ count: WithheldCount, t: Localizer) -> SafeHTML {
        guard count.total > 0 else { return SafeHTML() }
        return line(heading: t.withheldHeading(count.reasons), summary: count.summary, t: t)
    }

    private static func line(heading: String, summary: String, t: Localizer) -> SafeHTML {
        "<p class=\"withheld\">\(t.html("search.withheld", ["heading": heading, "summary": summary]))</p>"
    }
}
