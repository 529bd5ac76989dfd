import FieldworkCore
import Yams

/// Reads one consent of `corpus/participants.yaml`, in either shape: the short one (`id`, `date`,
/// `scopes`, `withdrawn`) or a consent receipt (`notice`, `administrations`, `retain_until`,
/// `events`). In a receipt, `date` and `withdrawn` may be left to the `given` and `withdrawn`
/// events; given both, they must agree. Every problem names its line.
struct ConsentReceiptParser {
    static let keys: Set<String> = ["id", "date", "scopes", "withdrawn", "notes", "notice", "administrations", "retain_until", "events"]
    private static let noticeKeys: Set<String> = ["version", "language", "variant"]
    private static let eventKeys: Set<String> = ["event", "date", "by", "how", "scopes", "notes"]

    static func parse(_ node: Node, _ reader: inout YAMLReader) -> Consent? {
        guard let entries = reader.mapping(node, allowed: keys, what: "a consent") else { return nil }
        let id = reader.string(entries, "id", in: node, required: true)
        let events = (entries["events"].map { parseEvents($0, &reader) }) ?? []
        let given = events.first { $0.kind == .given }
        let withdrawal = events.first { $0.kind == .withdrawn }
        var date = reader.string(entries, "date", in: node, required: given == nil)
        var withdrawn = reader.string(entries, "withdrawn", in: node)
        for (key, value) in [("date", date), ("withdrawn", withdrawn), ("retain_until", reader.string(entries, "retain_until", in: node))] {
            if let value, !ISODate.isValid(value) {
                reader.report(entries[key], "\(key) '\(value)' is not a calendar date YYYY-MM-DD")
            }
        }
        if let given, let date, given.date != date {
            reader.report(entries["date"], "date \(date) differs from the 'given' event (\(given.date))")
        }
        if let withdrawal, let withdrawn, withdrawal.date != withdrawn {
            reader.report(entries["withdrawn"], "withdrawn \(withdrawn) differs from the 'withdrawn' event (\(withdrawal.date))")
        }
        date = date ?? given?.date
        withdrawn = withdrawn ?? withdrawal?.date
        if let date, let withdrawn, withdrawn < date {
            reader.report(entries["withdrawn"] ?? entries["events"], "consent is withdrawn (\(withdrawn)) before it was given (\(date))")
        }
        if let date, let early = events.first(where: { $0.kind != .given && $0.date < date }) {
            reader.report(entries["events"], "event '\(early.kind.rawValue)' on \(early.date) comes before the consent was given (\(date))")
        }
        let (scopes, devices) = scopes(entries, "scopes", &reader)
        let administrations = reader.strings(entries, "administrations").compactMap { item -> Administration? in
            let value = Administration(rawValue: item.value)
            if value == nil { reader.report(line: item.line, "unknown administration '\(item.value)'") }
            return value
        }
        let notice = entries["notice"].flatMap { parseNotice($0, &reader) }
        guard let id, let date else { return nil }
        return Consent(id: id, date: date, scopes: scopes, withdrawn: withdrawn, notice: notice,
                       telemetryDevices: devices, administrations: administrations,
                       retainUntil: reader.string(entries, "retain_until", in: node), events: events)
    }

    /// Scopes; `telemetry:door-sensor` is the telemetry scope limited to one device type.
    private static func scopes(_ entries: [String: Node], _ key: String, _ reader: inout YAMLReader) -> ([ConsentScope], [String]) {
        var scopes: [ConsentScope] = []
        var devices: [String] = []
        for item in reader.strings(entries, key) {
            var text = item.value
            if text.hasPrefix("telemetry:") {
                let device = String(text.dropFirst("telemetry:".count))
                if device.isEmpty { reader.report(line: item.line, "'telemetry:' needs a device type, e.g. telemetry:door-sensor") }
                devices.append(device)
                text = "telemetry"
            }
            guard let scope = ConsentScope(rawValue: text) else {
                reader.report(line: item.line, "unknown consent scope '\(item.value)' (use: \(ConsentScope.allCases.map(\.rawValue).joined(separator: ", ")), telemetry:DEVICE-TYPE)")
                continue
            }
            if !scopes.contains(scope) { scopes.append(scope) }
        }
        return (scopes, devices)
    }

    private static func parseNotice(_ node: Node, _ reader: inout YAMLReader) -> ConsentNotice? {
        guard let entries = reader.mapping(node, allowed: noticeKeys, what: "a consent notice") else { return nil }
        let version = reader.string(entries, "version", in: node, required: true)
        let language = reader.string(entries, "language", in: node, required: true)
        var variant = ConsentNotice.Variant.standard
        if let text = reader.string(entries, "variant", in: node) {
            if let known = ConsentNotice.Variant(rawValue: text) {
                variant = known
            } else {
                reader.report(entries["variant"], "unknown notice variant '\(text)' (use: \(ConsentNotice.Variant.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
        }
        guard let version, let language else { return nil }
        return ConsentNotice(version: version, language: language, variant: variant)
    }

    private static func parseEvents(_ node: Node, _ reader: inout YAMLReader) -> [ConsentEvent] {
        guard case .sequence(let items) = node else {
            if !node.isNull { reader.report(node, "'events' must be a list") }
            return []
        }
        var events: [ConsentEvent] = []
        for item in items {
            guard let entries = reader.mapping(item, allowed: eventKeys, what: "a consent event") else { continue }
            let kindText = reader.string(entries, "event", in: item, required: true)
            let kind = kindText.flatMap(ConsentEvent.Kind.init(rawValue:))
            if let kindText, kind == nil {
                reader.report(entries["event"], "unknown consent event '\(kindText)' (use: \(ConsentEvent.Kind.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            let date = reader.string(entries, "date", in: item, required: true)
            if let date, !ISODate.isValid(date) { reader.report(entries["date"], "date '\(date)' is not a calendar date YYYY-MM-DD") }
            let by = reader.string(entries, "by", in: item, required: true)
            let how = reader.string(entries, "how", in: item, required: true)
            var scopes: [ConsentScope]?
            var devices: [String]?
            if entries["scopes"] != nil {
                if kind != .amended { reader.report(entries["scopes"], "only an 'amended' event lists the scopes in force") }
                let (listed, types) = Self.scopes(entries, "scopes", &reader)
                scopes = listed
                devices = types.isEmpty ? nil : types
            } else if kind == .amended {
                reader.report(item, "an 'amended' event lists the scopes in force from its date ('scopes')")
            }
            if let previous = events.last, let date, date < previous.date {
                reader.report(item, "events must be in date order (\(date) after \(previous.date))")
            }
            if let kind, kind != .amended, events.contains(where: { $0.kind == kind }) {
                reader.report(item, "a consent has one '\(kind.rawValue)' event")
            }
            guard let kind, let date, let by, let how, ISODate.isValid(date) else { continue }
            events.append(ConsentEvent(kind: kind, date: date, by: by, how: how, scopes: scopes, telemetryDevices: devices))
        }
        return events
    }
}
