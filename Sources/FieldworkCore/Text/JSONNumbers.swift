/// The numbers written in a JSON text, each with where it stands and the field it is the value
/// of. Foundation's parsers refuse a number that does not fit the type asked for without saying
/// where ("Number 1e400 is not representable in Swift." with no position; `JSONDecoder` on Linux
/// only "The given data was not valid JSON." for `"start": 1.5` into an `Int`), so the message a
/// person gets would point at the end of the file and name Swift. This scan finds the number to
/// name instead. It does not check the JSON: the caller has a parser's verdict already.
public enum JSONNumbers {
    public struct Number: Sendable, Hashable {
        /// As written: `1e400`, `-12.5`.
        public var text: String
        /// The byte offset of its first character.
        public var offset: Int
        /// The field it is the value of, as a client writes it: `start`, `records[2].v`; "" for a
        /// number that is the whole text.
        public var path: String

        /// A finite `Double` holds it (up to about ±1.8e308); 1e-400 is taken as 0, as parsers do.
        public var isInDoubleRange: Bool { Double(text)?.isFinite ?? false }

        /// It is a whole number Swift's 64-bit `Int` holds (`2`, `2.0`, `1e2`; not `1.5`, not 2^63).
        public var isInt: Bool {
            if !text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) { return Int64(text) != nil }
            guard let value = Double(text), value.isFinite, value == value.rounded() else { return false }
            return value >= -9.223372036854775808e18 && value < 9.223372036854775808e18
        }
    }

    /// Every number of `bytes` (UTF-8 JSON) in the order written; strings are skipped whole.
    public static func all(in bytes: some Collection<UInt8>) -> [Number] {
        let bytes = Array(bytes)
        var numbers: [Number] = []
        var frames: [Frame] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                let start = index + 1
                index = start
                while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                    index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
                }
                if case .object(nil, true)? = frames.last {
                    frames[frames.count - 1] = .object(String(decoding: bytes[start..<min(index, bytes.count)], as: UTF8.self), true)
                }
            case UInt8(ascii: "{"): frames.append(.object(nil, true))
            case UInt8(ascii: "["): frames.append(.array(0))
            case UInt8(ascii: "}"), UInt8(ascii: "]"): _ = frames.popLast()
            case UInt8(ascii: ":"):
                if case .object(let key, _)? = frames.last { frames[frames.count - 1] = .object(key, false) }
            case UInt8(ascii: ","):
                switch frames.last {
                case .object?: frames[frames.count - 1] = .object(nil, true)
                case .array(let position)?: frames[frames.count - 1] = .array(position + 1)
                case nil: break
                }
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                let start = index
                while index + 1 < bytes.count, isNumberByte(bytes[index + 1]) { index += 1 }
                numbers.append(Number(text: String(decoding: bytes[start...index], as: UTF8.self), offset: start, path: path(frames)))
            default: break
            }
            index += 1
        }
        return numbers
    }

    /// An object with the key being read or read (`expectingKey`: before its colon), or an
    /// array at an element's position.
    private enum Frame {
        case object(String?, Bool)
        case array(Int)
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e")
            || byte == UInt8(ascii: "E") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
    }

    private static func path(_ frames: [Frame]) -> String {
        frames.reduce("") { text, frame in
            switch frame {
            case .object(let key, _): text.isEmpty ? key ?? "" : text + "." + (key ?? "")
            case .array(let position): text + "[\(position)]"
            }
        }
    }
}
