import FieldworkCore

/// A source's positions read one way (`PositionReading`), translated to spans of the canonical
/// text through the source's `SourceTextMap`.
struct SourcePositions: Sendable {
    let reading: PositionReading
    private let map: SourceTextMap
    /// Position in the reading → code point of the tool's text.
    private let table: [Int?]

    init(_ map: SourceTextMap, reading: PositionReading) {
        self.map = map
        self.reading = reading
        table = reading.scalarIndices(map.original)
    }

    /// The canonical span of `[start, end)`, or why there is none.
    func span(_ start: Int, _ end: Int) -> Result<Range<Int>, Failure> {
        switch (canonical(start), canonical(end)) {
        case (.success(let lower), .success(let upper)):
            return lower < upper ? .success(lower..<upper) : .failure(.empty)
        case (.failure(let failure), _), (_, .failure(let failure)):
            return .failure(failure)
        }
    }

    private func canonical(_ position: Int) -> Result<Int, Failure> {
        guard position >= 0, position < table.count else { return .failure(.outside(units: table.count - 1)) }
        guard let scalar = table[position] else { return .failure(.insideCharacter(position)) }
        if map.splitsCRLF(scalar) { return .failure(.splitsLineBreak(position)) }
        guard let canonical = map.canonical(scalar) else { return .failure(.splitsNormalised(position)) }
        return .success(canonical)
    }

    enum Failure: Error, Equatable {
        case outside(units: Int)
        case insideCharacter(Int)
        case splitsLineBreak(Int)
        case splitsNormalised(Int)
        case empty

        func reason(_ start: Int, _ end: Int, reading: PositionReading) -> String {
            switch self {
            case .outside(let units):
                "[\(start), \(end)) is outside the source's \(units) \(reading.rawValue)"
            case .insideCharacter(let position):
                "position \(position) falls inside a character when counted in \(reading.rawValue)"
            case .splitsLineBreak(let position):
                "position \(position) falls between the CR and the LF of a line break (the exporter may count "
                    + "a line break as one character)"
            case .splitsNormalised(let position):
                "position \(position) splits a character that NFC normalisation changes"
            case .empty:
                "[\(start), \(end)) is empty"
            }
        }
    }
}
