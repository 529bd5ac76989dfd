import FieldworkCore
import Foundation

/// What an export states about itself: which consent rule was applied on which day, and what
/// it withheld — counts by unit and reason, never names; and the identifiers redacted and the
/// small-cell threshold, where they applied.
///
/// Where it goes depends on the format: a QDPX project carries it in its project `Description`,
/// JSON outputs in a `consent` field, HTML handouts in a footer; a CSV gets a sidecar
/// `FILE.csv.meta.json` beside it, since a comment row would break `read.csv` and
/// `pandas.read_csv` (and `comment='#'` would cut memos holding a `#`).
public struct ExportMetadata: Encodable, Sendable, Hashable {
    public struct Withheld: Encodable, Sendable, Hashable {
        /// What was counted: `codings`, `segments`, `quotes`, `cases`, `evidence`.
        public let unit: String
        public let total: Int
        /// Reason → count (`consent withdrawn`, `no consent for this material`, `no consent to be quoted`).
        public let byReason: [String: Int]

        enum CodingKeys: String, CodingKey { case unit, total, byReason = "by_reason" }
    }

    /// The rule, in one sentence, as every export states it.
    public static let consentRule = "words shown only when each participant they count for has a consent covering the material "
        + "(interview or workshop; quote for quotes), given by the material's date and not withdrawn by the day of the export"

    /// The telemetry rule (`export telemetry`): readings are no one's words, and the words rule
    /// stated in its sidecar was not the one applied (`TelemetryConsentGate` is).
    public static let telemetryConsentRule = "readings shown only for the UTC days a telemetry consent of the device's participant "
        + "covers for that device type: given on or before the day and not withdrawn on or before it, as the register stands on the day of the export"

    public let export: String
    /// `YYYY-MM-DD`: the day the consent rule was applied for.
    public let consentDate: String
    public let consentRule: String
    public private(set) var withheld: [Withheld] = []
    /// Identifiers of `corpus/redactions.yaml` replaced in the export (occurrences), if redaction applied.
    public var redactions: Int?
    /// Counts below this were shown as "< k" (`--for-publication`).
    public var smallCellsBelow: Int?

    enum CodingKeys: String, CodingKey {
        case export, withheld, redactions, consentDate = "consent_date", consentRule = "consent_rule", smallCellsBelow = "small_cells_below"
    }

    /// Every documented key, `null` where there is no value (as every `--json` output).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(export, forKey: .export)
        try container.encode(consentDate, forKey: .consentDate)
        try container.encode(consentRule, forKey: .consentRule)
        try container.encode(withheld, forKey: .withheld)
        try container.encode(redactions, forKey: .redactions)
        try container.encode(smallCellsBelow, forKey: .smallCellsBelow)
    }

    public init(export: String, rule: ConsentRule) {
        self.init(export: export, date: rule.today)
    }

    /// `rule`: the sentence of the rule applied (the words rule unless said otherwise).
    public init(export: String, date: String, rule: String = Self.consentRule) {
        self.export = export
        consentDate = date
        consentRule = rule
    }

    /// A count over segments (agreement, co-occurrence); nil consent: the rule was not applied.
    public init(export: String, applied: ConsentApplied?) {
        self.init(export: export, date: applied?.date ?? ConsentRule.today([]).today)
        if let applied { add(applied.withheldSegments, unit: "segments") }
    }

    public mutating func add(_ count: WithheldCount, unit: String) {
        guard count.total > 0 else { return }
        withheld.append(Withheld(unit: unit, total: count.total,
                                 byReason: Dictionary(uniqueKeysWithValues: count.byReason.map { ($0.key.rawValue, $0.value) })))
    }

    /// The export's text with the identifiers of `corpus/redactions.yaml` replaced; counts them.
    /// Replacements are plain words, so this is safe on CSV, JSON, DOT, HTML and Markdown text.
    public mutating func redact(_ text: String, with redactions: Redactions) -> String {
        let (redacted, count) = redactions.apply(text)
        self.redactions = (self.redactions ?? 0) + count
        return redacted
    }

    /// The reasons anything was withheld for (consent, access), over every unit.
    public var reasons: Set<ConsentRule.Reason> {
        Set(withheld.flatMap { $0.byReason.keys.compactMap(ConsentRule.Reason.init(rawValue:)) })
    }

    /// One line for people: "consent applied 2026-11-30: 3 codings withheld (consent withdrawn: 3)".
    public var summary: String {
        let redacted = redactions.map { "; \($0) identifier\($0 == 1 ? "" : "s") redacted" } ?? ""
        return "consent applied \(consentDate): " + (withheld.isEmpty ? "nothing withheld" : withheldSummary) + redacted
    }

    /// What was withheld, by unit and reason: "3 codings withheld (consent withdrawn: 3)"; "none".
    public var withheldSummary: String {
        guard !withheld.isEmpty else { return "none" }
        return withheld.map { item in
            let reasons = ConsentRule.Reason.allCases.compactMap { reason in item.byReason[reason.rawValue].map { "\(reason.rawValue): \($0)" } }
            return "\(item.total) \(item.unit) withheld (\(reasons.joined(separator: ", ")))"
        }.joined(separator: "; ")
    }

    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self) + "\n"
    }

    /// The sidecar of a CSV export: `FILE.csv.meta.json`, written atomically and owner-only.
    /// Every CSV export passes here, so it is also the place to record an export elsewhere
    /// (the audit trail hooks in here).
    @discardableResult
    public func writeSidecar(for url: URL) throws -> URL {
        let sidecar = url.deletingLastPathComponent().appending(path: url.lastPathComponent + ".meta.json")
        try ExportFile.write(json(), to: sidecar)
        return sidecar
    }
}
