/// How an import runs.
public struct ImportOptions: Sendable {
    /// Who codings and memos are attributed to when the file names no user for them.
    public var coder: String
    /// Plan and report, but write nothing.
    public var dryRun: Bool
    /// Write nothing unless every item maps.
    public var strict: Bool

    public init(coder: String, dryRun: Bool = false, strict: Bool = false) {
        self.coder = coder
        self.dryRun = dryRun
        self.strict = strict
    }
}
