/// How an import runs.
public struct ImportOptions: Sendable {
    /// Who codings and memos are attributed to when the file names no user for them.
    public var coder: String
    /// Plan and report, but write nothing.
    public var dryRun: Bool
    /// Write nothing unless every item maps.
    public var strict: Bool
    /// Only map sources to existing documents; create no corpus files.
    public var matchOnly: Bool
    /// Add the project's new codes to the codebook, and nothing else.
    public var codesOnly: Bool

    public init(coder: String, dryRun: Bool = false, strict: Bool = false, matchOnly: Bool = false, codesOnly: Bool = false) {
        self.codesOnly = codesOnly
        self.coder = coder
        self.dryRun = dryRun
        self.strict = strict
        self.matchOnly = matchOnly
    }
}
