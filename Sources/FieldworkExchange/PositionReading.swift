/// A way a tool may count `startPosition` and `endPosition` in a source's text.
///
/// REFI-QDA says Unicode code points, but NVivo counts UTF-16 code units (every character
/// beyond the Basic Multilingual Plane, an emoji, is two), some exporters write CRLF text yet
/// count a line break as one character, and a few count UTF-8 bytes. The cases are in order of
/// preference: when two readings fit a source equally well, the one the exporting tool is known
/// to use (UTF-16 for NVivo) is taken, else the earlier one.
public enum PositionReading: String, CaseIterable, Sendable, Hashable, Encodable {
    case codePoints = "code points"
    case utf16 = "UTF-16 code units"
    case codePointsCRLFAsOne = "code points, CRLF counted as one"
    case utf16CRLFAsOne = "UTF-16 code units, CRLF counted as one"
    case utf8 = "UTF-8 bytes"

    /// How many units a scalar takes in this reading.
    private func width(of scalar: Unicode.Scalar) -> Int {
        switch self {
        case .codePoints, .codePointsCRLFAsOne: 1
        case .utf16, .utf16CRLFAsOne: UTF16.width(scalar)
        case .utf8: UTF8.width(scalar)
        }
    }

    private var countsCRLFAsOne: Bool { self == .codePointsCRLFAsOne || self == .utf16CRLFAsOne }

    /// Position in this reading → index of the scalar of `scalars` that starts there (`count`
    /// for the end); nil for a position inside a scalar (half a surrogate pair, a byte in the
    /// middle of a UTF-8 sequence). With CRLF counted as one, the break's position is its CR.
    func scalarIndices(_ scalars: [Unicode.Scalar]) -> [Int?] {
        var table: [Int?] = []
        table.reserveCapacity(scalars.count + 1)
        for (index, scalar) in scalars.enumerated() {
            if countsCRLFAsOne, scalar == "\n", index > 0, scalars[index - 1] == "\r" { continue }
            table.append(index)
            for _ in 1..<max(1, width(of: scalar)) { table.append(nil) }
        }
        table.append(scalars.count)
        return table
    }

    /// Scalar index of `scalars` → position in this reading (the inverse of `scalarIndices`),
    /// for writing positions the way a target tool counts them.
    func positions(_ scalars: [Unicode.Scalar]) -> [Int] {
        var table: [Int] = [0]
        table.reserveCapacity(scalars.count + 1)
        var position = 0
        for (index, scalar) in scalars.enumerated() {
            let joined = countsCRLFAsOne && scalar == "\n" && index > 0 && scalars[index - 1] == "\r"
            position += joined ? 0 : width(of: scalar)
            table.append(position)
        }
        return table
    }
}
