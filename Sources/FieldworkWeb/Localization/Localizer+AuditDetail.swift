import FieldworkCore
import Foundation

extension Localizer {
    /// An audit entry's detail name (`file`, `codings`) in the interface language; a name the
    /// catalogue does not know (a newer or hand-written entry) is shown as it is.
    func auditDetail(_ key: String) -> String {
        has("audit.detail.\(key)") ? self("audit.detail.\(key)") : key
    }

    /// An audit entry's detail value in the interface language where it is the log's own
    /// wording: a consent entry's `changes` ("c-r14 withdrawn 2025-06-01 (interview quote)") are
    /// said in Swedish on a Swedish page (found by a new user). The log keeps its English lines,
    /// which its hash chain covers; any other value, and a change in a form not known here, is
    /// shown as it is.
    func auditValue(_ value: String, of key: String, action: AuditAction) -> String {
        switch (action, key) {
        case (.consent, "changes"): return value.components(separatedBy: "; ").map(consentChange).joined(separator: "; ")
        case (_, "consent"): return consentRule(value)
        case (_, "withheld"), (_, "withheld_quotes"), (_, "consent_summary"): return withheldSummary(value)
        case (_, "kind"): return exportKind(value)
        // The log's own codes: an account's change, a refused login's reason (a Swedish page
        // showed `ändring created`, `orsak wrong_password`; found by a new user).
        case (_, "change"), (_, "reason"): return has("audit.value.\(key).\(value)") ? self("audit.value.\(key).\(value)") : value
        default: return value
        }
    }

    /// An export's or import's kind: `retrieval-csv`, or a kind and its format (`actor-map-svg`,
    /// `handout-pack-pdf`) said as "Aktörskarta (SVG)"; one not known here is shown as it is.
    private func exportKind(_ value: String) -> String {
        if has("audit.value.kind.\(value)") { return self("audit.value.kind.\(value)") }
        for base in ["handout-pack", "actor-map", "codebook", "handout", "report"] where value.hasPrefix(base + "-") {
            let format = value.dropFirst(base.count + 1).uppercased()
            return self("audit.value.kindFormat", ["kind": self("audit.value.kind.\(base)"), "format": format])
        }
        return value
    }

    /// "consent rule of 2026-12-03" (" with access of Maja"), as exports record the rule they applied.
    private func consentRule(_ value: String) -> String {
        guard value.hasPrefix("consent rule of ") else { return value }
        let rest = value.dropFirst("consent rule of ".count)
        let parts = rest.components(separatedBy: " with access of ")
        let rule = self("audit.consent.rule", ["date": parts[0]])
        return parts.count == 2 ? self("audit.consent.ruleWithAccess", ["rule": rule, "coder": parts[1]]) : rule
    }

    /// An export's withheld counts: "none", "3 withheld (consent withdrawn: 3)", "2 segments withheld
    /// (…); 1 codings withheld (…)", or the same after "consent applied DATE: ". A part in another
    /// shape is shown as it is.
    private func withheldSummary(_ value: String) -> String {
        if value == "none" || value == "nothing withheld" { return self("audit.withheld.none") }
        if value.hasPrefix("consent applied "), let colon = value.range(of: ": ") {
            let date = String(value[value.index(value.startIndex, offsetBy: "consent applied ".count)..<colon.lowerBound])
            return self("withheld.applied", ["date": date, "items": withheldSummary(String(value[colon.upperBound...]))])
        }
        return value.components(separatedBy: "; ").map(withheldItem).joined(separator: "; ")
    }

    private func withheldItem(_ item: String) -> String {
        if item == "nothing withheld" { return self("audit.withheld.none") }
        // "2 identifiers redacted" after the consent summary; "4 quotes" of handouts and reports.
        let words = item.split(separator: " ")
        if let number = words.first.flatMap({ Int($0) }) {
            switch words.dropFirst().joined(separator: " ") {
            case "identifier redacted", "identifiers redacted": return count("withheld.redacted", number)
            case "quote", "quotes": return count("withheld.unit.quotes", number)
            default: break
            }
        }
        guard let open = item.range(of: " withheld ("), item.hasSuffix(")") else { return item }
        let head = item[..<open.lowerBound].split(separator: " ")
        var byReason: [ConsentRule.Reason: Int] = [:]
        for part in item[open.upperBound..<item.index(before: item.endIndex)].components(separatedBy: ", ") {
            guard let colon = part.range(of: ": ", options: .backwards), let reason = ConsentRule.Reason(rawValue: String(part[..<colon.lowerBound])),
                  let count = Int(part[colon.upperBound...]) else { return item }
            byReason[reason] = count
        }
        guard let total = head.first.flatMap({ Int($0) }) else { return item }
        if head.count == 1 {
            let reasons = ConsentRule.Reason.allCases.compactMap { reason in byReason[reason].map { "\(self("withheld.reason.\(reason)")): \($0)" } }
            return self("audit.withheld.count", ["count": String(total), "reasons": reasons.joined(separator: ", ")])
        }
        let unit = String(head[1])
        return has("withheld.unit.\(unit).one") ? withheldCount(total, unit: unit, byReason: byReason) : item
    }

    private func consentChange(_ change: String) -> String {
        let parts = change.split(separator: " ", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return change }
        let (id, rest) = (parts[0], parts[1])
        if rest == "removed" { return self("audit.consent.removed", ["id": id]) }
        if rest == "withdrawal undone" { return self("audit.consent.undone", ["id": id]) }
        if rest.hasPrefix("changed: ") { return self("audit.consent.changed", ["id": id, "fields": String(rest.dropFirst(9))]) }
        // "given DATE (scopes)", "withdrawn DATE (scopes)", "amended DATE (scopes)", and from before
        // session 26 "amended (scopes)" (`ConsentChanges` writes them).
        guard let open = rest.firstIndex(of: "("), rest.hasSuffix(")") else { return change }
        let head = rest[..<open].split(separator: " ").map(String.init)
        let scopes = rest[rest.index(after: open)..<rest.index(before: rest.endIndex)].split(separator: " ")
            .map(consentScope).joined(separator: " ")
        switch (head.first, head.count) {
        case ("given", 2): return self("audit.consent.given", ["id": id, "date": head[1], "scopes": scopes])
        case ("withdrawn", 2): return self("audit.consent.withdrawn", ["id": id, "date": head[1], "scopes": scopes])
        case ("amended", 1): return self("audit.consent.amended", ["id": id, "scopes": scopes])
        case ("amended", 2): return self("audit.consent.amendedOn", ["id": id, "date": head[1], "scopes": scopes])
        default: return change
        }
    }

    /// A scope in the interface language; a device type after it (`telemetry:door-sensor`) as written.
    private func consentScope(_ scope: Substring) -> String {
        let parts = scope.split(separator: ":", maxSplits: 1)
        let base = has("consent.scope.\(parts[0])") ? self("consent.scope.\(parts[0])") : String(parts[0])
        return parts.count == 2 ? base + ":" + parts[1] : base
    }
}
