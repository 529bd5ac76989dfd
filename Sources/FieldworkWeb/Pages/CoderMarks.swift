/// How a margin chip tells coders apart: the coder's initials and one of eight border styles
/// (four patterns, then the same with a thick leading edge), given in order of first appearance
/// in the document (two coders with the same initials still differ by style), plus the full
/// name in the chip's accessible name. A fifth coder's chip looked like the first's with four.
struct CoderMarks {
    static let styles = 8
    private var index: [String: Int] = [:]

    init(coders: some Sequence<String>) {
        for coder in coders where index[coder] == nil { index[coder] = index.count }
    }

    /// `coder-1` … `coder-8`.
    func styleClass(of coder: String) -> String {
        "coder-\((index[coder] ?? 0) % Self.styles + 1)"
    }

    /// "Maja L." → "ML", "anna" → "A": the first letter of the first two words.
    static func initials(of coder: String) -> String {
        coder.split(whereSeparator: { $0.isWhitespace || $0 == "-" || $0 == "_" })
            .prefix(2).compactMap { $0.first.map { String($0).uppercased() } }.joined()
    }
}
