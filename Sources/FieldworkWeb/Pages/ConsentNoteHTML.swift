import FieldworkCore
import FieldworkServices

/// The line a researcher view shows when the consent rule (or access to material restricted to
/// named coders) left something out: counts, never names, in the interface language (the
/// summaries of `ExportMetadata` and `WithheldCount` are the CLI's and the exports', in English).
enum ConsentNoteHTML {
    static func paragraph(_ metadata: ExportMetadata, t: Localizer) -> SafeHTML {
        guard !metadata.withheld.isEmpty else { return SafeHTML() }
        return line(heading: t.withheldHeading(metadata.reasons), summary: summary(metadata, t: t), t: t)
    }

    /// `count` counts `unit`s (`withheld.unit.*`: passages, memos, …).
    static func paragraph(_ count: WithheldCount, unit: String, t: Localizer) -> SafeHTML {
        guard count.total > 0 else { return SafeHTML() }
        return line(heading: t.withheldHeading(count.reasons), summary: t.withheldCount(count.total, unit: unit, byReason: count.byReason), t: t)
    }

    /// "consent applied 2026-12-03: 15 segments (consent withdrawn: 15)".
    static func summary(_ metadata: ExportMetadata, t: Localizer) -> String {
        let items = metadata.withheld.map { item in
            t.withheldCount(item.total, unit: item.unit, byReason: Dictionary(uniqueKeysWithValues: item.byReason.compactMap { key, value in
                ConsentRule.Reason(rawValue: key).map { ($0, value) }
            }))
        }
        let redacted = metadata.redactions.flatMap { $0 > 0 ? "; " + t.count("withheld.redacted", $0) : nil } ?? ""
        return t("withheld.applied", ["date": metadata.consentDate, "items": items.joined(separator: "; ")]) + redacted
    }

    private static func line(heading: String, summary: String, t: Localizer) -> SafeHTML {
        "<p class=\"withheld\">\(t.html("search.withheld", ["heading": heading, "summary": summary]))</p>"
    }
}
