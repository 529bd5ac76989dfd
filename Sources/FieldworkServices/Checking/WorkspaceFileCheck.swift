import FieldworkCore
import Foundation

/// Reads one workspace file with the parser ingest, import or the services use for it, without
/// touching the store: `fieldwork check`, the fuzz targets and their regression corpus go
/// through here, so what they prove holds for the real read path.
public struct WorkspaceFileCheck: Sendable {
    /// Ids that references in the file may name (a device's participant and solution, speakers).
    public var participants: Set<String>
    public var solutions: Set<String>
    /// Whether the solution catalogue could be read (else links are not judged against it).
    var solutionsRead = true
    /// The workspace's other codebook files: a codebook file is read together with them, as
    /// ingest does, since parents and merges may refer across files.
    public var otherCodebooks: [SourceText]
    /// The ids the workspace's other documents declare (read only when a document is checked).
    var documentIDs = CorpusDocumentIDs(owners: [:])

    public init(participants: Set<String> = [], solutions: Set<String> = [], otherCodebooks: [SourceText] = []) {
        self.participants = participants
        self.solutions = solutions
        self.otherCodebooks = otherCodebooks
    }

    /// Reads the workspace's registers (best effort: a broken register is checked on its own).
    /// `ingested`: the store's source files (`FieldworkStore.sourceFiles()`), when the workspace
    /// has a database: a document's id is then checked against the ingested documents too, as
    /// ingest checks it.
    public static func context(of workspace: Workspace, excluding path: String? = nil,
                               ingested: [String: SourceFileState] = [:]) -> WorkspaceFileCheck {
        let participants = (try? SourceText.read(workspace.participantsFile, path: "participants"))
            .flatMap { try? ParticipantsParser.parse($0) } ?? []
        let catalogue = try? SolutionCatalogue.load(workspace)
        let solutions = catalogue?.solutions ?? []
        let codebooks = (try? FileManager.default.contentsOfDirectory(at: workspace.codebooks, includingPropertiesForKeys: nil)) ?? []
        let others = codebooks
            .filter { WorkspaceFileKind.infer(path: "codebooks/" + $0.lastPathComponent) == .codebook }
            .map { workspace.relativePath(of: $0) }
            .filter { $0 != path }
            .sorted()
            .compactMap { try? SourceText.read(workspace.root.appending(path: $0), path: $0) }
        var check = WorkspaceFileCheck(participants: Set(participants.map(\.id)), solutions: Set(solutions.map(\.id)),
                                       otherCodebooks: others)
        check.solutionsRead = catalogue != nil
        if let path, WorkspaceFileKind.infer(path: path) == .document {
            check.documentIDs = CorpusDocumentIDs(of: workspace, excluding: path)
            check.documentIDs.ingested = CorpusDocumentIDs.storedOwners(ingested, in: workspace, listed: nil)
        }
        return check
    }

    /// Parses `data` as a file of `kind` named `path`; returns what was read ("7 codes"), or
    /// throws `SourceProblem`/`SourceProblems` naming file and line of each problem.
    public func check(_ data: Data, as kind: WorkspaceFileKind, path: String, now: Date = Date()) throws -> String {
        var warnings: [SourceProblem] = []
        return try check(data, as: kind, path: path, now: now, warnings: &warnings)
    }

    /// `check`, also giving what ingest would warn of without refusing the file (a speaker the
    /// register does not know: `UnknownSpeakers`).
    public func check(_ data: Data, as kind: WorkspaceFileKind, path: String, now: Date = Date(),
                      warnings: inout [SourceProblem]) throws -> String {
        switch kind {
        case .senml:
            return EnglishCount.of(try SenMLFile.records(data, path: path, now: now).count, "reading")
        case .telemetryCSV:
            var rows = 0
            try TelemetryCSVReader(path: path).read(data) { row in
                try TelemetryImportService.checkMetric(row.metric, path: path, line: row.line)
                rows += 1
            }
            return EnglishCount.of(rows, "reading")
        case .codings:
            let records = try LedgerFile.numbered(String(decoding: data, as: UTF8.self), file: path)
            // Judged against the workspace's codebook when it has one that reads (one with
            // problems is reported by its own check).
            if !otherCodebooks.isEmpty, let codebook = try? CodebookParser.parse(otherCodebooks) {
                let references = CodingsFileReferences(codes: Dictionary(codebook.codes.map { ($0.id, $0.kind) }, uniquingKeysWith: { first, _ in first }),
                                                       solutions: solutionsRead ? solutions : nil)
                let problems = references.problems(records, file: path)
                if !problems.isEmpty { throw SourceProblems(problems) }
            }
            return EnglishCount.of(records.count, "record")
        default:
            return try check(try SourceText.decode(data, path: path), as: kind, warnings: &warnings)
        }
    }

    private func check(_ source: SourceText, as kind: WorkspaceFileKind, warnings: inout [SourceProblem]) throws -> String {
        switch kind {
        case .document:
            let (change, idLine) = try CorpusDocumentParser(knownParticipants: participants).parse(source)
            if let problem = documentIDs.problem(id: change.metadata.id, line: idLine, path: source.path) { throw problem }
            warnings += UnknownSpeakers.warnings(in: change, known: participants)
            if let undated = UndatedMaterial.warning(in: change, idLine: idLine) { warnings.append(undated) }
            return "document \(change.metadata.id): " + EnglishCount.of(change.text.segments.count, "segment")
        case .codebook: return EnglishCount.of(try CodebookParser.parse(otherCodebooks + [source]).codes.count, "code")
        case .participants: return EnglishCount.of(try ParticipantsParser.parse(source).count, "participant")
        case .devices:
            return EnglishCount.of(try DeviceRegistryParser.parse(source, solutions: solutions, participants: participants).count, "device")
        case .solutions: return EnglishCount.of(try SolutionCatalogueParser.parse(source).count, "solution")
        case .actors: return EnglishCount.of(try ActorCatalogueParser.parse(source).actors.count, "actor")
        case .redactions: return EnglishCount.of(try RedactionsParser.parse(source).entries.count, "redaction")
        case .access: return EnglishCount.of(try AccessPolicyFile.parse(source).restrictions.count, "restriction")
        case .settings: _ = try WorkspaceSettings.parse(source); return "settings"
        case .workshopPlan: return EnglishCount.of(try WorkshopPlanParser.parse(source).stations.count, "station")
        case .webVTT: return EnglishCount.of(try WebVTTParser.parse(source.text, file: source.path).turns.count, "turn")
        case .subRip: return EnglishCount.of(try SubRipParser.parse(source.text, file: source.path).turns.count, "turn")
        case .senml, .telemetryCSV, .codings: preconditionFailure("read from bytes above")
        }
    }

}
