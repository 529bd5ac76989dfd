/// Resolves a SenML pack into self-contained records (RFC 8428 §4.1–4.6).
///
/// Pure: "now", against which times below 2^28 are read, is passed in, so tests can fix it.
/// The first record that breaks a rule refuses the whole pack, naming its index.
public enum SenMLResolver {
    /// The highest pack version this reader understands (RFC 8428 publishes version 10).
    public static let highestVersion = 10
    /// Times below 2^28 seconds are relative to "now"; at or above it they are Unix time.
    public static let relativeTimeLimit = 268_435_456.0

    public static func resolve(_ pack: [SenMLRecord], now: Double) throws(SenMLError) -> [SenMLResolvedRecord] {
        var baseName = "", baseTime = 0.0, baseUnit: String?, baseValue = 0.0, baseSum: Double?
        var version: Int?
        var resolved: [SenMLResolvedRecord] = []
        resolved.reserveCapacity(pack.count)
        for (index, record) in pack.enumerated() {
            if let label = record.otherLabels.first(where: { $0.hasSuffix("_") }) {
                throw SenMLError(index: index, "label '\(label)' ends in '_': it must be understood, and this reader does not know it")
            }
            if let bver = record.baseVersion {
                guard bver == bver.rounded(), bver >= 1, bver <= 1e9 else {
                    throw SenMLError(index: index, "bver must be a positive integer, not \(bver)")
                }
                let number = Int(bver)
                guard number <= highestVersion else {
                    throw SenMLError(index: index, "bver \(number) is newer than this reader understands (up to \(highestVersion))")
                }
                if let version, version != number {
                    throw SenMLError(index: index, "bver \(number) differs from \(version) earlier in the pack; all records must have one version")
                }
                version = number
            }
            // Base fields apply from their record up to the next record that sets them again.
            if let value = record.baseName { baseName = value }
            if let value = record.baseTime { baseTime = value }
            if let value = record.baseUnit { baseUnit = value }
            if let value = record.baseValue { baseValue = value }
            if let value = record.baseSum { baseSum = value }

            let name = baseName + (record.name ?? "")
            guard !name.isEmpty else { throw SenMLError(index: index, "no name: neither n nor a base name bn") }
            guard SenMLName.isValid(name) else {
                throw SenMLError(index: index, "name '\(name)' must start with a letter or digit and use only A-Z a-z 0-9 - : . / _")
            }
            let values: [SenMLValue?] = [record.value.map { .number(baseValue + $0) }, record.stringValue.map { .string($0) },
                                         record.boolValue.map { .bool($0) }, record.dataValue.map { .data($0) }]
            let present = values.compactMap { $0 }
            guard present.count <= 1 else { throw SenMLError(index: index, "more than one value field (v, vs, vb, vd); exactly one is allowed") }
            guard !present.isEmpty || record.sum != nil else {
                throw SenMLError(index: index, "no value: a record needs exactly one of v, vs, vb, vd, or a sum s")
            }
            let sum: Double? = record.sum != nil || baseSum != nil ? (baseSum ?? 0) + (record.sum ?? 0) : nil
            var time = baseTime + (record.time ?? 0)
            if time < relativeTimeLimit { time += now }
            guard time.isFinite else { throw SenMLError(index: index, "time is not a finite number") }
            guard UTCTime.milliseconds(seconds: time) != nil else {
                throw SenMLError(index: index, "time \(time) s (base time plus t, relative times plus now) is outside the years 0000 to 9999")
            }
            resolved.append(SenMLResolvedRecord(name: name, unit: record.unit ?? baseUnit, time: time,
                                                value: present.first, sum: sum, updateTime: record.updateTime))
        }
        return resolved
    }
}
