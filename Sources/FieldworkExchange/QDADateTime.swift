import Foundation

/// `xsd:dateTime` as REFI-QDA files carry it.
enum QDADateTime {
    /// UTC, whole seconds (`2025-03-12T09:30:00Z`): the form every tool we know of reads;
    /// QualCoder, for one, only swaps the `T` and drops the `Z`.
    static func string(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: .gmt))
    }

    /// Reads what other tools write: with or without fractional seconds, with a zone designator
    /// or offset, or with none at all (taken as UTC).
    static func date(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let styles = [
            Date.ISO8601FormatStyle(timeZone: .gmt),
            Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt),
        ]
        for candidate in [trimmed, trimmed + "Z"] {
            for style in styles {
                if let date = try? style.parse(candidate) { return date }
            }
        }
        return nil
    }
}
