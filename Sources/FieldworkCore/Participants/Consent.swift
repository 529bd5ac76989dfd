/// What a participant agreed to, shaped like a consent receipt (Kantara Consent Receipt,
/// ISO/IEC 29184): the notice they were shown, the scopes, who may see the material, how long it
/// is kept, and the history of the consent (given, amended, withdrawn: when, by whom, how).
///
/// `date` and `withdrawn` summarise the history (the first `given`, the `withdrawn` event), so the
/// older register shape — only `date`, `scopes`, `withdrawn` — means the same thing.
public struct Consent: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    /// `YYYY-MM-DD`: when it was given.
    public var date: String
    /// The scopes in force when it was given (amendments may change them later).
    public var scopes: [ConsentScope]
    /// `YYYY-MM-DD`; from this day the consent no longer holds.
    public var withdrawn: String?
    /// The information notice the participant was given; nil in registers from before receipts.
    public var notice: ConsentNotice?
    /// Device types (catalogue solution ids, e.g. `door-sensor`) a `telemetry` scope is limited
    /// to; empty: every device type.
    public var telemetryDevices: [String]
    /// The administrations that may see the material; empty: not restricted by this consent.
    public var administrations: [Administration]
    /// `YYYY-MM-DD`: the material is to be deleted or anonymised by then.
    public var retainUntil: String?
    /// The consent's history in date order; empty in registers from before receipts.
    public var events: [ConsentEvent]

    public init(
        id: String, date: String, scopes: [ConsentScope], withdrawn: String? = nil, notice: ConsentNotice? = nil,
        telemetryDevices: [String] = [], administrations: [Administration] = [], retainUntil: String? = nil,
        events: [ConsentEvent] = []
    ) {
        self.id = id
        self.date = date
        self.scopes = scopes
        self.withdrawn = withdrawn
        self.notice = notice
        self.telemetryDevices = telemetryDevices
        self.administrations = administrations
        self.retainUntil = retainUntil
        self.events = events
    }

    /// The periods in which `scope` was in force: from the day it was given (or added by an
    /// amendment) until the day it was withdrawn (or removed by an amendment), end exclusive.
    public func periods(of scope: ConsentScope) -> [ConsentPeriod] {
        var periods: [ConsentPeriod] = []
        var open: String? = scopes.contains(scope) ? date : nil
        for event in events where event.kind == .amended {
            guard let inForce = event.scopes else { continue }
            if inForce.contains(scope), open == nil { open = event.date }
            if !inForce.contains(scope), let from = open {
                periods.append(ConsentPeriod(from: from, until: event.date))
                open = nil
            }
        }
        if let from = open { periods.append(ConsentPeriod(from: from, until: withdrawn)) }
        return periods.filter { period in period.until.map { $0 > period.from } ?? true }
    }

    /// Whether the consent covers `scope` on `day` (`YYYY-MM-DD`; ISO dates compare as text).
    public func covers(_ scope: ConsentScope, on day: String) -> Bool {
        periods(of: scope).contains { $0.contains(day) }
    }

    /// Whether a `telemetry` scope reaches a device of `solution` (a device type) on `day`: as
    /// the latest amendment dated on or before it limited the scope, else as given. (Reading only
    /// the types as given let an amendment that narrowed the scope to, say, door sensors still
    /// pass a smart plug's readings.)
    public func coversDevice(_ solution: String?, on day: String) -> Bool {
        let devices = telemetryDevices(on: day)
        guard !devices.isEmpty, let solution else { return true }
        return devices.contains(solution)
    }

    /// Whether a `telemetry` scope reached devices of `solution` on any day: as given or as any
    /// amendment set it.
    public func everCoversDevice(_ solution: String?) -> Bool {
        guard let solution else { return true }
        let limits = [telemetryDevices] + telemetryAmendments.map { $0.telemetryDevices ?? [] }
        return limits.contains { $0.isEmpty || $0.contains(solution) }
    }

    /// The day an amendment took devices of `solution` out of a `telemetry` scope that had reached
    /// them, when they are still out on `day`; nil when they are covered, or were never covered
    /// up to that day.
    public func devicesNarrowed(_ solution: String, before day: String) -> String? {
        var covered = telemetryDevices.isEmpty || telemetryDevices.contains(solution)
        var narrowedOn: String?
        for event in telemetryAmendments where event.date <= day {
            let devices = event.telemetryDevices ?? []
            let covers = devices.isEmpty || devices.contains(solution)
            if covered, !covers { narrowedOn = event.date }
            covered = covers
        }
        return covered ? nil : narrowedOn
    }

    /// The amendments that set a `telemetry` scope (one that drops it ends it instead: `periods`).
    private var telemetryAmendments: [ConsentEvent] {
        events.filter { $0.kind == .amended && $0.scopes?.contains(.telemetry) == true }
    }

    /// The device types a `telemetry` scope is limited to on `day` (empty: every type).
    public func telemetryDevices(on day: String) -> [String] {
        guard let amendment = events.last(where: { $0.kind == .amended && $0.scopes != nil && $0.date <= day }) else {
            return telemetryDevices
        }
        return amendment.telemetryDevices ?? []
    }

    /// The scopes in force on `day`.
    public func scopes(on day: String) -> [ConsentScope] {
        ConsentScope.allCases.filter { covers($0, on: day) }
    }

    /// The scopes as last set before `day` (by the latest amendment dated before it, else as
    /// given) with the device types of their telemetry scope: what a withdrawal on `day` ends.
    public func scopesSet(before day: String) -> (scopes: [ConsentScope], telemetryDevices: [String]) {
        guard let amendment = events.last(where: { $0.kind == .amended && $0.scopes != nil && $0.date < day }),
              let scopes = amendment.scopes else { return (scopes, telemetryDevices) }
        return (scopes, amendment.telemetryDevices ?? [])
    }
}

/// A day range `[from, until)`; `until` nil: still in force.
public struct ConsentPeriod: Sendable, Hashable {
    public var from: String
    public var until: String?

    public func contains(_ day: String) -> Bool {
        from <= day && (until.map { day < $0 } ?? true)
    }
}

public enum ConsentScope: String, Sendable, Codable, CaseIterable {
    case interview
    case recording
    case quote
    case telemetry
    case workshop
    case shareAnonymised = "share-anonymised"
}

/// The notice a consent was given on: which version, in which language and form.
public struct ConsentNotice: Sendable, Hashable, Codable {
    public enum Variant: String, Sendable, Codable, CaseIterable {
        case standard
        case plainLanguage = "plain-language"
        case easyRead = "easy-read"
    }

    public var version: String
    /// A language tag such as `sv` or `en`.
    public var language: String
    public var variant: Variant

    public init(version: String, language: String, variant: Variant = .standard) {
        self.version = version
        self.language = language
        self.variant = variant
    }
}

/// One entry of a consent's history: what happened, when, recorded by whom and how.
public struct ConsentEvent: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case given
        case amended
        case withdrawn
    }

    public var kind: Kind
    /// `YYYY-MM-DD`.
    public var date: String
    /// Who recorded it (a researcher's name or role; never the participant's real name).
    public var by: String
    /// How: `signed form`, `verbal, recorded`, `phone`, `e-mail`, `guardian`, ...
    public var how: String
    /// For `amended`: the scopes in force from this day.
    public var scopes: [ConsentScope]?
    /// For `amended`: the device types its `telemetry:TYPE` scopes name; nil when it names none.
    public var telemetryDevices: [String]?

    public init(kind: Kind, date: String, by: String, how: String, scopes: [ConsentScope]? = nil, telemetryDevices: [String]? = nil) {
        self.kind = kind
        self.date = date
        self.by = by
        self.how = how
        self.scopes = scopes
        self.telemetryDevices = telemetryDevices
    }
}
