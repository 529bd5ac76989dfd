import FieldworkCore
import FieldworkServices
import Foundation

/// `fieldwork import qdpx`: codings, codes and memos from another tool's REFI-QDA project.
///
/// Sources are matched to documents by their text (see `DocumentMatcher`), codes to codes by
/// GUID or name (`CodeMapper`); each coding is checked against its document before anything is
/// written, and all of it is written in one transaction (`ImportCommit`). Cases that refer to a
/// source the import turns into a document become participants (`CaseParticipants`), appended
/// to `corpus/participants.yaml` with the rest of the import.
public struct QDPXImport: Sendable {
    let context: FieldworkContext

    public init(context: FieldworkContext) {
        self.context = context
    }

    public func run(_ url: URL, options: ImportOptions) async throws -> ImportReport {
        let archive = try QDPXArchive.read(url)
        let project = try REFIReader.project(archive.project, file: "\(archive.fileName)/project.qde")
        var report = ImportReport(file: archive.fileName, origin: project.origin)
        let store = context.store

        let codes = CodeMapper.map(project.codeBook?.codes?.codes ?? [], into: try await store.codebook())
        report.codesMatched = codes.matched
        report.codesMatchedByName = codes.matchedByName
        report.codesAdded = codes.newCodes.map(\.id)
        report.problems += codes.problems
        report.notImported = Self.unsupported(project) + codes.folders.map { "code folder " + $0 }

        let documents = try await DocumentMatcher.load(from: store)
        let participants = try await store.participants()
        let maker = options.matchOnly ? nil : SourceDocumentMaker(
            workspace: context.workspace, participants: Set(participants.map(\.id)),
            usedIDs: Set(documents.texts.keys))
        var planner = ProjectImportPlanner(
            report: report, people: ImportPeople(project.users?.users ?? [], fallback: options.coder),
            notes: NoteIndex(project.notes?.notes ?? [], archive: archive), codeIDs: codes.ids, folderGUIDs: codes.folderGUIDs,
            cases: CaseParticipants(cases: project.cases?.cases ?? [], variables: project.variables?.variables ?? [],
                                    existing: participants),
            documents: documents, maker: maker,
            existingCodings: try await store.codings(CodingFilter()),
            existingMemos: try await store.memos(target: nil, targetID: nil))
        planner.plan(project, archive: archive)
        report = planner.report
        report.codingsImported = planner.codings.count
        report.memosImported = planner.memos.count
        report.codingMemos = planner.codings.count { !($0.memo ?? "").isEmpty }
        report.caseConflicts = planner.cases.conflicts
        report.casesAlreadyParticipants = planner.cases.unusedKnown
        // A case already in the register (a round trip of our own export) is not left out.
        let unknown = planner.cases.unused - planner.cases.unusedKnown
        if unknown > 0 {
            report.notImported.append("\(EnglishCount.of(unknown, "case")) referring to no source made into a document: "
                + "participants are added only with a document they take part in")
        }
        report.participantsCreated = planner.cases.made.map {
            .init(id: $0.id, caseName: $0.caseName, role: $0.role, roleBasis: $0.roleBasis, attributes: $0.attributes)
        }
        // An export made before an erasure holds the erased words: none of it comes back.
        if let problem = ErasedList.importProblem(file: archive.fileName, documents: planner.made.map { ($0.path, $0.change) },
                                                  participants: planner.cases.newParticipants.map(\.id),
                                                  erased: try ErasedList.load(context.workspace)) {
            throw problem
        }
        let register = planner.cases.newParticipants.isEmpty ? nil : try ParticipantsAppend(
            planner.cases.newParticipants, workspace: context.workspace,
            comment: "added by import qdpx (a case of \(archive.fileName)): no consent recorded yet")
        if let register, try await Self.notIngested(register, store: store, storedParticipants: participants) {
            // Its new version goes into the store with the import; edits not yet ingested would
            // slip in unchecked (and unaudited), so they are ingested first.
            throw SourceProblem(file: register.path, line: 0, "changed since the last ingest; run `fieldwork ingest`, then import again")
        }

        try await ImportCommit.apply(newCodes: codes.newCodes, batch: ExchangeBatch(documents: planner.made.map(\.change), codings: planner.codings, memos: planner.memos),
                                     files: planner.made.map { (url: $0.url, markdown: $0.markdown) }, participants: register,
                                     context: context, options: options, report: &report)
        return report
    }

    /// Whether `corpus/participants.yaml` holds what the store has not taken in. A file never
    /// ingested that names no one (`fieldwork init`'s, in a workspace an import is to fill) holds
    /// nothing that could slip in.
    static func notIngested(_ register: ParticipantsAppend, store: any FieldworkStore, storedParticipants: [Participant]) async throws -> Bool {
        guard let ingested = try await store.sourceFiles()[register.path] else {
            return !(register.before.isEmpty && storedParticipants.isEmpty)
        }
        return ingested.contentHash != register.originalFileState.contentHash
    }

    /// What the file holds that Fieldwork has no place for (REFI-QDA asks importers to say so).
    static func unsupported(_ project: REFI.Project) -> [String] {
        let sources = project.sources
        var items: [String] = []
        for (count, kind) in [(sources?.pdfSources?.count, "PDF"), (sources?.pictureSources?.count, "picture"),
                              (sources?.audioSources?.count, "audio"), (sources?.videoSources?.count, "video")] {
            if let count, count > 0 { items.append("\(EnglishCount.of(count, "\(kind) source")): Fieldwork holds text transcripts only") }
        }
        for set in project.sets?.sets ?? [] {
            let members = (set.memberCodes?.count ?? 0, set.memberSources?.count ?? 0)
            items.append("set \"\(set.name ?? "?")\" (\(EnglishCount.of(members.0, "code")), \(EnglishCount.of(members.1, "source"))): Fieldwork has no sets; "
                + "group codes under a parent code instead")
        }
        if project.graphs != nil { items.append("graphs") }
        if project.links != nil { items.append("links") }
        return items
    }
}
