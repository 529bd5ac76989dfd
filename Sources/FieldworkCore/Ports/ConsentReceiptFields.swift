/// The receipt fields of a consent beyond its row's columns (id, date, scopes, withdrawn),
/// stored as one JSON value by both stores in the same shape, so a study copies between them.
public struct ConsentReceiptFields: Codable, Sendable {
    public var notice: ConsentNotice?
    public var telemetryDevices: [String]
    public var administrations: [String]
    public var retainUntil: String?
    public var events: [ConsentEvent]

    public init(_ consent: Consent) {
        notice = consent.notice
        telemetryDevices = consent.telemetryDevices
        administrations = consent.administrations.map(\.rawValue)
        retainUntil = consent.retainUntil
        events = consent.events
    }

    public func fill(_ consent: inout Consent) {
        consent.notice = notice
        consent.telemetryDevices = telemetryDevices
        consent.administrations = administrations.compactMap(Administration.init(rawValue:))
        consent.retainUntil = retainUntil
        consent.events = events
    }
}
