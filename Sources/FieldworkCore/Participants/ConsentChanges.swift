/// How a consent changed between two readings of the register, as the audit log says it: ids,
/// dates and scopes, never a person's name or words. The web page words these lines in its
/// language (`Localizer.auditValue`), so their shapes are fixed:
/// `ID given DATE (scopes)`, `ID amended DATE (scopes)`, `ID withdrawn DATE (scopes)`,
/// `ID withdrawal undone`, `ID changed: fields` (a date with its values: `retain_until OLD → NEW`),
/// `ID removed`.
public enum ConsentChanges {
    /// The lines for one participant's consents, `before` (nil: a participant new to the register).
    public static func lines(from before: [Consent]?, to after: [Consent]) -> [String] {
        let earlier = Dictionary((before ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var lines: [String] = []
        for consent in after {
            if let was = earlier[consent.id] {
                lines += changes(was, consent)
            } else {
                lines.append("\(consent.id) given \(consent.date) (\(scopes(consent.scopes, consent.telemetryDevices)))")
            }
        }
        let now = Set(after.map(\.id))
        return lines + (before ?? []).filter { !now.contains($0.id) }.map { "\($0.id) removed" }
    }

    private static func changes(_ was: Consent, _ consent: Consent) -> [String] {
        if was.withdrawn != consent.withdrawn {
            // What the withdrawal ends: the scopes as the last amendment before it set them (the
            // first scopes left out what an amendment had added, `quote`, say).
            return [consent.withdrawn.map { day in
                let set = consent.scopesSet(before: day)
                return "\(consent.id) withdrawn \(day) (\(scopes(set.scopes, set.telemetryDevices)))"
            } ?? "\(consent.id) withdrawal undone"]
        }
        // An amendment is an event of its own: its date and the scopes it set (before: the
        // consent's first scopes, with no date).
        let added = consent.events.filter { !was.events.contains($0) }
        if !added.isEmpty {
            return added.map { event in
                let set = event.scopes.map { ($0, event.telemetryDevices ?? []) } ?? (consent.scopes, consent.telemetryDevices)
                return "\(consent.id) \(event.kind.rawValue) \(event.date) (\(scopes(set.0, set.1)))"
            }
        }
        guard was != consent else { return [] }
        // Dates are said with their values (`retain_until 2027-12-31 → 2028-12-31`, `—` for none):
        // a retention moved is what an auditor looks for. Other fields by name.
        func dates(_ name: String, _ old: String?, _ new: String?) -> String { "\(name) \(old ?? "—") → \(new ?? "—")" }
        let fields = [("scopes", was.scopes != consent.scopes),
                      (dates("retain_until", was.retainUntil, consent.retainUntil), was.retainUntil != consent.retainUntil),
                      ("notice", was.notice != consent.notice), ("administrations", was.administrations != consent.administrations),
                      ("telemetry_devices", was.telemetryDevices != consent.telemetryDevices),
                      (dates("date", was.date, consent.date), was.date != consent.date)]
            .filter(\.1).map(\.0)
        return ["\(consent.id) changed: \(fields.isEmpty ? "events" : fields.joined(separator: ", "))"]
    }

    /// As the register writes them: a telemetry scope limited to device types once per type
    /// (`telemetry:door-sensor telemetry:smart-plug`), as `Localizer.auditValue` reads them.
    private static func scopes(_ scopes: [ConsentScope], _ devices: [String]) -> String {
        scopes.flatMap { scope in
            scope == .telemetry && !devices.isEmpty ? devices.map { "telemetry:\($0)" } : [scope.rawValue]
        }.joined(separator: " ")
    }
}
