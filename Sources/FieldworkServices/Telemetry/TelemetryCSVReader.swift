import FieldworkCore
import Foundation

/// Streams a telemetry CSV (`device,time,metric,value,unit`, a header naming those columns in
/// any order; SenML defines no CSV). Times are RFC 3339 with a zone, or Unix seconds; values
/// are numbers or true/false. The file is read in blocks, never whole: a pilot's export can
/// hold tens of millions of rows. The first bad line stops reading with its line number.
struct TelemetryCSVReader {
    /// One row. The byte buffers are valid only during the callback (no String per row).
    struct Row {
        var line: Int
        var device: UnsafeBufferPointer<UInt8>
        var metric: UnsafeBufferPointer<UInt8>
        var unit: UnsafeBufferPointer<UInt8>
        var time: Int64
        var value: Double
    }

    static let columns = ["device", "time", "metric", "value", "unit"]
    private static let blockSize = 4 << 20

    let path: String

    func read(_ url: URL, _ row: (Row) throws -> Void) throws {
        let handle = try SourceText.open(url, path: path)
        defer { try? handle.close() }
        try read(blocks: { try handle.read(upToCount: Self.blockSize) ?? Data() }, row)
    }

    /// Reads a file already in memory (`fieldwork check`, the fuzz targets).
    func read(_ data: Data, _ row: (Row) throws -> Void) throws {
        var pending: Data? = data
        try read(blocks: { defer { pending = nil }; return pending ?? Data() }, row)
    }

    /// `nextBlock` returns the file's next bytes, empty at its end.
    private func read(blocks nextBlock: () throws -> Data, _ row: (Row) throws -> Void) throws {
        var buffer: [UInt8] = []
        var line = 0
        var order: [Int]?
        var atEnd = false
        while !atEnd {
            let block = try nextBlock()
            atEnd = block.isEmpty
            buffer.append(contentsOf: block)
            if atEnd, buffer.last != 0x0A, !buffer.isEmpty { buffer.append(0x0A) }
            let consumed = try buffer.withUnsafeBufferPointer { bytes -> Int in
                var start = 0
                while let newline = bytes[start...].firstIndex(of: 0x0A) {
                    line += 1
                    var end = newline
                    if end > start, bytes[end - 1] == 0x0D { end -= 1 }
                    let text = UnsafeBufferPointer(rebasing: bytes[start..<end])
                    start = newline + 1
                    if let order {
                        if text.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                        try parse(text, line: line, order: order, row)
                    } else {
                        order = try header(text)
                    }
                }
                return start
            }
            buffer.removeFirst(consumed)
        }
        if order == nil { throw SourceProblem(file: path, line: 1, "empty file: expected a header \(Self.columns.joined(separator: ","))") }
    }

    private func header(_ text: UnsafeBufferPointer<UInt8>) throws -> [Int] {
        var names = String(decoding: text, as: UTF8.self)
        if names.hasPrefix("\u{FEFF}") { names.removeFirst() }
        let fields = names.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"")).lowercased() }
        let order = Self.columns.compactMap { fields.firstIndex(of: $0) }
        guard order.count == Self.columns.count, fields.count == Self.columns.count else {
            throw SourceProblem(file: path, line: 1, "the header must name the columns \(Self.columns.joined(separator: ",")) (any order), not \(Self.shortened(fields.joined(separator: ",")))")
        }
        return order
    }

    private func parse(_ text: UnsafeBufferPointer<UInt8>, line: Int, order: [Int], _ row: (Row) throws -> Void) throws {
        // Comma positions in a fixed tuple, not an array: no allocation per row.
        var commas = (0, 0, 0, 0), count = 0
        for index in 0..<text.count where text[index] == 0x2C {
            switch count {
            case 0: commas.0 = index
            case 1: commas.1 = index
            case 2: commas.2 = index
            case 3: commas.3 = index
            default: break
            }
            count += 1
        }
        func fail(_ message: String) -> SourceProblem { SourceProblem(file: path, line: line, message) }
        guard count == 4 else { throw fail("expected 5 fields (\(Self.columns.joined(separator: ","))), found \(count + 1)") }
        func field(_ column: Int) -> UnsafeBufferPointer<UInt8> {
            let bounds: (Int, Int)
            switch order[column] {
            case 0: bounds = (0, commas.0)
            case 1: bounds = (commas.0 + 1, commas.1)
            case 2: bounds = (commas.1 + 1, commas.2)
            case 3: bounds = (commas.2 + 1, commas.3)
            default: bounds = (commas.3 + 1, text.count)
            }
            return Self.trimmed(UnsafeBufferPointer(rebasing: text[bounds.0..<bounds.1]))
        }
        let device = field(0), timeText = field(1), metric = field(2), valueText = field(3), unit = field(4)
        if device.first == 0x22 || timeText.first == 0x22 || metric.first == 0x22 || valueText.first == 0x22 || unit.first == 0x22 {
            throw fail("quoted fields are not supported in telemetry CSV")
        }
        guard !device.isEmpty else { throw fail("no device") }
        guard !metric.isEmpty else { throw fail("no metric") }
        guard let time = Self.time(timeText) else {
            if let seconds = Self.number(timeText), seconds.isFinite {
                throw fail("time '\(String(decoding: timeText, as: UTF8.self))' is out of range: Unix seconds must be from \(Int(SenMLResolver.relativeTimeLimit)) (1978) to below \(Int(Self.unixSecondsLimit)) (year 5138)")
            }
            throw fail("time '\(String(decoding: timeText, as: UTF8.self))' is not an RFC 3339 time with a zone (2025-06-01T22:15:00Z) or Unix seconds")
        }
        guard let value = Self.value(valueText) else {
            throw fail("value '\(String(decoding: valueText, as: UTF8.self))' is not a number, true or false")
        }
        try row(Row(line: line, device: device, metric: metric, unit: unit, time: time, value: value))
    }

    /// A header quoted in a message: a long line (a data file with no header) is cut, never dumped.
    static func shortened(_ text: String) -> String {
        text.count <= 80 ? text : String(text.prefix(80)) + "…"
    }

    private static func trimmed(_ field: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var lower = 0, upper = field.count
        while lower < upper, field[lower] == 0x20 || field[lower] == 0x09 { lower += 1 }
        while upper > lower, field[upper - 1] == 0x20 || field[upper - 1] == 0x09 { upper -= 1 }
        return UnsafeBufferPointer(rebasing: field[lower..<upper])
    }

    static let unixSecondsLimit = 1e11

    static func time(_ text: UnsafeBufferPointer<UInt8>) -> Int64? {
        if text.count > 4, text[4] == 0x2D { return UTCTime.parse(text) }
        // Unix seconds; small numbers would be SenML's relative times, which a file cannot mean.
        guard let seconds = number(text), seconds >= SenMLResolver.relativeTimeLimit, seconds < unixSecondsLimit else { return nil }
        return Int64((seconds * 1000).rounded())
    }

    static func value(_ text: UnsafeBufferPointer<UInt8>) -> Double? {
        if text.elementsEqual("true".utf8) { return 1 }
        if text.elementsEqual("false".utf8) { return 0 }
        return number(text)
    }

    /// Plain decimals (`-12.5`) of up to 15 characters are parsed here, fast and exact (both
    /// operands of the one division are exact doubles); anything else (exponents) by Double.
    static func number(_ text: UnsafeBufferPointer<UInt8>) -> Double? {
        guard !text.isEmpty, text.count <= 15 else { return Double(String(decoding: text, as: UTF8.self)) }
        var index = 0
        let negative = text[0] == 0x2D
        if negative || text[0] == 0x2B { index = 1 }
        var mantissa: Int64 = 0, scale = 0, digits = 0, seenPoint = false
        while index < text.count {
            let byte = text[index]
            if byte == 0x2E, !seenPoint {
                seenPoint = true
            } else if byte &- 0x30 < 10 {
                mantissa = mantissa * 10 + Int64(byte - 0x30)
                digits += 1
                if seenPoint { scale += 1 }
            } else {
                return Double(String(decoding: text, as: UTF8.self)).flatMap { $0.isFinite ? $0 : nil }
            }
            index += 1
        }
        guard digits > 0 else { return nil }
        let magnitude = Double(mantissa) / powersOfTen[scale]
        return negative ? -magnitude : magnitude
    }

    private static let powersOfTen: [Double] = (0...18).map { pow(10, Double($0)) }
}
