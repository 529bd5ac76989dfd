import FieldworkCore
import Testing

@Suite struct SenMLResolverTests {
    let now = 1_750_000_000.0

    @Test func baseFieldsApplyUntilTheNextRecordSetsThemAgain() throws {
        let pack = [
            SenMLRecord(baseName: "urn:dev:ow:10e2073a01080063:", baseTime: 1_276_020_076, baseUnit: "A", baseValue: 10, name: "current", value: 1.5),
            SenMLRecord(name: "current", time: -1, value: 0.5),
            SenMLRecord(name: "voltage", unit: "V", time: -2, value: 110),
            SenMLRecord(baseName: "other:", baseValue: 0, name: "x", value: 2),
        ]
        let resolved = try SenMLResolver.resolve(pack, now: now)
        #expect(resolved.map(\.name) == ["urn:dev:ow:10e2073a01080063:current", "urn:dev:ow:10e2073a01080063:current",
                                         "urn:dev:ow:10e2073a01080063:voltage", "other:x"])
        #expect(resolved.map(\.unit) == ["A", "A", "V", "A"])
        #expect(resolved.map(\.time) == [1_276_020_076, 1_276_020_075, 1_276_020_074, 1_276_020_076])
        #expect(resolved.map(\.value) == [.number(11.5), .number(10.5), .number(120), .number(2)])
    }

    @Test func timesBelowTwoToThe28AreRelativeToTheInjectedNow() throws {
        let resolved = try SenMLResolver.resolve([
            SenMLRecord(name: "a", value: 1),
            SenMLRecord(name: "b", time: -60, value: 1),
            SenMLRecord(name: "c", time: 268_435_455, value: 1),
            SenMLRecord(name: "d", time: 268_435_456, value: 1),
            // Base time and time are added first: the sum decides whether it is relative.
            SenMLRecord(baseTime: 268_435_000, name: "e", time: 456, value: 1),
        ], now: now)
        #expect(resolved.map(\.time) == [now, now - 60, now + 268_435_455, 268_435_456, 268_435_456])
    }

    @Test func timesOutsideTheYearsZeroToNineThousandNineHundredNinetyNineAreRefusedWithTheRecord() throws {
        for time in [1e16, -1e16, 253_402_300_800, .infinity] {
            #expect(throws: SenMLError.self) {
                _ = try SenMLResolver.resolve([SenMLRecord(name: "a", value: 1), SenMLRecord(name: "b", time: time, value: 1)], now: now)
            }
        }
        let last = try SenMLResolver.resolve([SenMLRecord(name: "a", time: 253_402_300_799, value: 1)], now: now)
        #expect(UTCTime.milliseconds(seconds: last[0].time) == 253_402_300_799_000)
        #expect(UTCTime.isoTimestamp(UTCTime.latest) == "9999-12-31T23:59:59.999Z")
        #expect(UTCTime.isoTimestamp(UTCTime.earliest) == "0000-01-01T00:00:00.000Z")
        #expect(UTCTime.milliseconds(seconds: -62_167_219_200.001) == nil)
    }

    @Test func aMissingUnitStaysMissingUnlessThereIsABaseUnit() throws {
        let resolved = try SenMLResolver.resolve([
            SenMLRecord(name: "a", value: 1), SenMLRecord(baseUnit: "Cel", name: "b", value: 1), SenMLRecord(name: "c", unit: "%RH", value: 1),
        ], now: now)
        #expect(resolved.map(\.unit) == [nil, "Cel", "%RH"])
    }

    @Test func baseValueAddsOnlyToNumbersAndBaseSumToSums() throws {
        let resolved = try SenMLResolver.resolve([
            SenMLRecord(baseName: "d:", baseValue: 5, baseSum: 100, name: "flag", boolValue: true),
            SenMLRecord(name: "text", stringValue: "on"),
            SenMLRecord(name: "energy", sum: 20),
            SenMLRecord(name: "n", value: 1),
        ], now: now)
        #expect(resolved.map(\.value) == [.bool(true), .string("on"), nil, .number(6)])
        #expect(resolved.map(\.sum) == [100, 100, 120, 100])
    }

    @Test func exactlyOneValueFieldUnlessThereIsASum() throws {
        #expect(throws: SenMLError(index: 1, "more than one value field (v, vs, vb, vd); exactly one is allowed")) {
            try SenMLResolver.resolve([SenMLRecord(name: "a", value: 1), SenMLRecord(name: "b", value: 1, boolValue: true)], now: now)
        }
        #expect(throws: SenMLError(index: 0, "no value: a record needs exactly one of v, vs, vb, vd, or a sum s")) {
            try SenMLResolver.resolve([SenMLRecord(baseSum: 3, name: "a")], now: now)
        }
        let sumOnly = try SenMLResolver.resolve([SenMLRecord(name: "a", sum: 3)], now: now)
        #expect(sumOnly.first?.value == nil && sumOnly.first?.sum == 3)
    }

    @Test func versionsAboveTenAndMustUnderstandLabelsAreRefused() throws {
        #expect(try SenMLResolver.resolve([SenMLRecord(baseVersion: 10, name: "a", value: 1)], now: now).count == 1)
        #expect(throws: SenMLError(index: 0, "bver 11 is newer than this reader understands (up to 10)")) {
            try SenMLResolver.resolve([SenMLRecord(baseVersion: 11, name: "a", value: 1)], now: now)
        }
        #expect(throws: SenMLError.self) {
            try SenMLResolver.resolve([SenMLRecord(baseVersion: 5, name: "a", value: 1), SenMLRecord(baseVersion: 6, name: "b", value: 1)], now: now)
        }
        #expect(throws: SenMLError(index: 1, "label 'crit_' ends in '_': it must be understood, and this reader does not know it")) {
            try SenMLResolver.resolve([SenMLRecord(name: "a", value: 1), SenMLRecord(name: "b", value: 1, otherLabels: ["crit_"])], now: now)
        }
        // Unknown labels without the underscore are ignored.
        #expect(try SenMLResolver.resolve([SenMLRecord(name: "a", value: 1, otherLabels: ["foo"])], now: now).count == 1)
    }

    @Test func namesMustMatchTheRFCPattern() throws {
        for good in ["a", "0", "urn:dev:mac:0024befffe804ff1:temp", "r01-door/open", "A.b_c"] {
            #expect(SenMLName.isValid(good), "\(good)")
        }
        for bad in ["", "-a", ":a", "_a", "a b", "dörr", "a#b", "a?b"] {
            #expect(!SenMLName.isValid(bad), "\(bad)")
        }
        #expect(throws: SenMLError(index: 0, "no name: neither n nor a base name bn")) {
            try SenMLResolver.resolve([SenMLRecord(value: 1)], now: now)
        }
        #expect(throws: SenMLError.self) { try SenMLResolver.resolve([SenMLRecord(baseName: "/x", name: "a", value: 1)], now: now) }
    }
}
