/// A JSON object read without Foundation's `JSONDecoder` when it is of the plain shape nearly
/// every coding write's body has: keys and string values without escapes, whole numbers, null.
///
/// `JSONDecoder` (with the snake_case key conversion) was about 4 % of a coding write's server
/// CPU for a 100-byte body: a `Data` copy, a map of the whole document, a converted key per
/// field, generic containers. Anything outside that shape — an escape, a nested value, `true`,
/// a fraction or exponent, a number of more than 18 digits, a key twice, a control character, a
/// string that is not UTF-8, anything after the object — is not read here (nil): the caller
/// decodes the body with `JSONDecoder` as before, which also words every refusal. So a body read
/// here gives what `JSONDecoder` gives, and every other body goes where it always went.
struct FlatJSONObject {
    enum Value: Equatable {
        case string(String)
        case integer(Int)
        case null
    }

    private var members: [(key: String, value: Value)] = []

    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        var reader = Reader(bytes: bytes)
        reader.skipSpace()
        guard reader.take(UInt8(ascii: "{")) else { return nil }
        reader.skipSpace()
        if !reader.take(UInt8(ascii: "}")) {
            repeat {
                reader.skipSpace()
                guard let key = reader.string(), !members.contains(where: { $0.key == key }) else { return nil }
                reader.skipSpace()
                guard reader.take(UInt8(ascii: ":")) else { return nil }
                reader.skipSpace()
                guard let value = reader.value() else { return nil }
                members.append((key, value))
                reader.skipSpace()
            } while reader.take(UInt8(ascii: ","))
            guard reader.take(UInt8(ascii: "}")) else { return nil }
        }
        reader.skipSpace()
        guard reader.atEnd else { return nil }
    }

    /// The keys, in the body's order.
    var keys: [String] { members.map(\.key) }

    /// A member that must be a string: nil when absent, null or of another kind.
    func string(_ key: String) -> String? {
        guard case .string(let text)? = value(key) else { return nil }
        return text
    }

    /// A member that must be a whole number: nil when absent, null or of another kind.
    func integer(_ key: String) -> Int? {
        guard case .integer(let number)? = value(key) else { return nil }
        return number
    }

    /// An optional string member: `.some(nil)` when absent or null, nil when of another kind.
    func optionalString(_ key: String) -> String?? {
        switch value(key) {
        case nil, .null?: return .some(nil)
        case .string(let text)?: return .some(text)
        case .integer?: return nil
        }
    }

    /// An optional whole-number member: `.some(nil)` when absent or null, nil when of another kind.
    func optionalInteger(_ key: String) -> Int?? {
        switch value(key) {
        case nil, .null?: return .some(nil)
        case .integer(let number)?: return .some(number)
        case .string?: return nil
        }
    }

    private func value(_ key: String) -> Value? {
        members.first { $0.key == key }?.value
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        var atEnd: Bool { index == bytes.count }

        mutating func skipSpace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0A, 0x0D: index += 1
                default: return
                }
            }
        }

        mutating func take(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        mutating func value() -> Value? {
            guard index < bytes.count else { return nil }
            switch bytes[index] {
            case UInt8(ascii: "\""):
                return string().map(Value.string)
            case UInt8(ascii: "n"):
                guard bytes.count - index >= 4, bytes[index + 1] == UInt8(ascii: "u"), bytes[index + 2] == UInt8(ascii: "l"),
                      bytes[index + 3] == UInt8(ascii: "l") else { return nil }
                index += 4
                return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                return integer().map(Value.integer)
            default:
                return nil
            }
        }

        /// A string without escapes or control characters, valid UTF-8.
        mutating func string() -> String? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = index
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    let text = String(validating: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                    index += 1
                    return text
                }
                guard byte >= 0x20, byte != UInt8(ascii: "\\") else { return nil }
                index += 1
            }
            return nil
        }

        /// `-?(0|[1-9][0-9]*)` of at most 18 digits (so it fits `Int`), not followed by a fraction or exponent.
        mutating func integer() -> Int? {
            let negative = take(UInt8(ascii: "-"))
            let start = index
            var number = 0
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
                // More digits than fit: not read here (and nothing may overflow).
                guard index - start < 18 else { return nil }
                number = number * 10 + Int(bytes[index] - UInt8(ascii: "0"))
                index += 1
            }
            let digits = index - start
            guard digits > 0, digits == 1 || bytes[start] != UInt8(ascii: "0") else { return nil }
            if index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): return nil
                default: break
                }
            }
            return negative ? -number : number
        }
    }
}

/// A request body that can be read from a `FlatJSONObject` (`APIBodyDecoder` tries it first).
protocol FlatJSONDecodable: Decodable {
    /// What `JSONDecoder` would decode from the same body; nil when the body holds a field the type
    /// does not know, lacks one it needs or has one of another kind (`JSONDecoder` then decides).
    init?(flat body: FlatJSONObject)
}
