import Foundation

/// What a request's `Range` header asks of a file of `length` bytes (RFC 9110 §14): a media
/// element asks for `bytes=0-` first, then for parts as it seeks.
///
/// One range is served as asked; a header the server may ignore (another unit, several ranges,
/// bad syntax, `last` before `first`) gets the whole file, as the RFC allows; a range that
/// starts past the end (or an empty suffix, or any range of an empty file) is unsatisfiable (416).
enum ByteRange: Equatable {
    case whole
    case part(ClosedRange<Int>)
    case unsatisfiable

    static func parse(_ header: String?, length: Int) -> ByteRange {
        guard let header else { return .whole }
        let trimmed = header.trimmingCharacters(in: .whitespaces)
        guard trimmed.lowercased().hasPrefix("bytes=") else { return .whole }
        let spec = trimmed.dropFirst("bytes=".count).trimmingCharacters(in: .whitespaces)
        guard !spec.contains(","), let dash = spec.firstIndex(of: "-") else { return .whole }
        let first = spec[..<dash], last = spec[spec.index(after: dash)...]
        if first.isEmpty {
            // A suffix: the last N bytes.
            guard let count = number(last) else { return .whole }
            guard count > 0, length > 0 else { return .unsatisfiable }
            return .part(max(0, length - count)...(length - 1))
        }
        guard let start = number(first) else { return .whole }
        let end = last.isEmpty ? Int.max : number(last)
        guard let end, end >= start else { return .whole }
        guard start < length else { return .unsatisfiable }
        return .part(start...min(end, length - 1))
    }

    /// Digits only; a number too large for `Int` counts as `Int.max` (it is past any file's end).
    private static func number(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text) ?? Int.max
    }
}
