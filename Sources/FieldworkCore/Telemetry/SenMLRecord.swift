/// One record of a SenML pack (RFC 8428) exactly as it was written: every field optional.
///
/// Decoding (JSON, later CBOR or XML) fills this in and checks the JSON types; the rules that
/// give a record its meaning (base fields, relative time, one value) live in `SenMLResolver`.
public struct SenMLRecord: Sendable, Hashable {
    public var baseName: String?
    public var baseTime: Double?
    public var baseUnit: String?
    public var baseValue: Double?
    public var baseSum: Double?
    public var baseVersion: Double?
    public var name: String?
    public var unit: String?
    public var value: Double?
    public var stringValue: String?
    public var boolValue: Bool?
    public var dataValue: String?
    public var sum: Double?
    public var time: Double?
    public var updateTime: Double?
    /// Labels RFC 8428 does not define. They are ignored, unless one ends in `_` ("must understand").
    public var otherLabels: [String]

    public init(
        baseName: String? = nil, baseTime: Double? = nil, baseUnit: String? = nil, baseValue: Double? = nil,
        baseSum: Double? = nil, baseVersion: Double? = nil, name: String? = nil, unit: String? = nil, time: Double? = nil,
        value: Double? = nil, stringValue: String? = nil, boolValue: Bool? = nil, dataValue: String? = nil,
        sum: Double? = nil, updateTime: Double? = nil, otherLabels: [String] = []
    ) {
        self.baseName = baseName
        self.baseTime = baseTime
        self.baseUnit = baseUnit
        self.baseValue = baseValue
        self.baseSum = baseSum
        self.baseVersion = baseVersion
        self.name = name
        self.unit = unit
        self.value = value
        self.stringValue = stringValue
        self.boolValue = boolValue
        self.dataValue = dataValue
        self.sum = sum
        self.time = time
        self.updateTime = updateTime
        self.otherLabels = otherLabels
    }
}

/// The value of a resolved record: exactly one of SenML's four kinds.
public enum SenMLValue: Sendable, Hashable {
    case number(Double)
    case bool(Bool)
    case string(String)
    /// Base64url text, as in the pack.
    case data(String)
}

/// A record with every base field applied and its time made absolute (RFC 8428 §4.6).
public struct SenMLResolvedRecord: Sendable, Hashable {
    public var name: String
    public var unit: String?
    /// Seconds since the Unix epoch, UTC.
    public var time: Double
    /// nil only when the record carries a sum instead.
    public var value: SenMLValue?
    public var sum: Double?
    public var updateTime: Double?

    public init(name: String, unit: String? = nil, time: Double, value: SenMLValue? = nil, sum: Double? = nil, updateTime: Double? = nil) {
        self.name = name
        self.unit = unit
        self.time = time
        self.value = value
        self.sum = sum
        self.updateTime = updateTime
    }
}

/// Why a pack is refused, and at which record (0-based index into the pack's array).
public struct SenMLError: Error, Sendable, Hashable, CustomStringConvertible {
    public var index: Int
    public var message: String

    public init(index: Int, _ message: String) {
        self.index = index
        self.message = message
    }

    public var description: String { "record at index \(index): \(message)" }
}
