/// Where to point a refused codebook change (`CodebookChangeRefused`): codes that still have
/// codings are gone from the files. The usual cause is a rename, so when a new code's id is near
/// a removed one the problem is reported at that new code's line, asking whether it was renamed;
/// otherwise at the file the removed code was declared in.
public enum StrandedCodes {
    public static func problems(_ refusal: CodebookChangeRefused, before: Codebook, after: Codebook) -> [SourceProblem] {
        let added = after.codes.filter { before[$0.id] == nil }
        return refusal.codingsByRemovedCode.sorted { $0.key < $1.key }.map { id, count in
            let codings = count == 1 ? "1 coding" : "\(count) codings"
            let renamed = UnknownName.nearest(to: id, in: added.map(\.id), within: max(2, id.unicodeScalars.count / 4)).first
            if let renamed, let code = added.first(where: { $0.id == renamed }), let source = code.source {
                return SourceProblem(source, "code '\(id)' is gone but still has \(codings); if '\(renamed)' is its new id, "
                                     + "list '\(id)' under its `formerly:` to carry them over (or put '\(id)' back)")
            }
            let file = before[id]?.source.map { SourceLocation(file: $0.file, line: 0) } ?? SourceLocation(file: "codebooks", line: 0)
            return SourceProblem(file, "code '\(id)' is gone but still has \(codings); put it back, or merge it into another code "
                                 + "by listing '\(id)' under that code's `formerly:`")
        }
    }
}
