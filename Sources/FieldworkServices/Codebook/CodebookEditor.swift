import FieldworkCore
import Foundation

/// Adds, renames and moves codes from the browser by rewriting the codebook YAML (the shared
/// source of truth) and ingesting it again. Files are replaced atomically, and if the new
/// codebook is refused (for example it would strand codings) the old files are put back.
public actor CodebookEditor {
    public struct CodeChange: Sendable {
        public var name: String?
        public var kind: CodeKind?
        public var description: String?
        public var include: String?
        public var exclude: String?
        public var color: String?
        /// Move under this parent; `.some(nil)` moves to the top level.
        public var parent: String??
        /// The language the name and definition are written in: where the codebook gives them
        /// per language, only that language's text changes (`Code.rename`, `Code.define`);
        /// nil only where the text changed is one plain text (else the edit is refused).
        public var language: String?

        /// The parts of the definition this change sets, in the codebook's order.
        var definition: [(part: Code.DefinitionPart, text: String)] {
            [(Code.DefinitionPart.description, description), (.include, include), (.exclude, exclude)]
                .compactMap { part, text in text.map { (part, $0) } }
        }

        public init(name: String? = nil, kind: CodeKind? = nil, description: String? = nil, include: String? = nil,
                    exclude: String? = nil, color: String? = nil, parent: String?? = nil, language: String? = nil) {
            self.language = language
            self.name = name
            self.kind = kind
            self.description = description
            self.include = include
            self.exclude = exclude
            self.color = color
            self.parent = parent
        }
    }

    let workspace: Workspace
    let store: any FieldworkStore

    public init(workspace: Workspace, store: any FieldworkStore) {
        self.workspace = workspace
        self.store = store
    }

    public func add(_ code: Code) async throws -> Code {
        try await add([code])[0]
    }

    /// Adds several codes with one rewrite of the YAML and one ingest; a code may have an earlier
    /// one of `newCodes` as its parent. `then` runs once the new codebook is stored: if it throws,
    /// the files and the stored codebook are put back as they were, so an import adds its codes
    /// together with its codings or not at all.
    public func add(_ newCodes: [Code], then work: @Sendable () async throws -> Void = {}) async throws -> [Code] {
        let before = try currentCodes()
        var codes = before
        var files: Set<String> = []
        for code in newCodes {
            let new = try placed(code, among: codes)
            codes.append(new)
            files.insert(new.source!.file)
        }
        let originals = try await save(codes, replacing: before, touching: files).originals
        do {
            try await work()
        } catch {
            try restore(originals)
            _ = try? await IngestService(workspace: workspace, store: store).ingest(paths: ["codebooks"])
            throw error
        }
        var added: [Code] = []
        for code in newCodes { added.append(try await stored(code.id)) }
        return added
    }

    /// `code` checked, and placed last among its siblings in its parent's file.
    private func placed(_ code: Code, among codes: [Code]) throws -> Code {
        guard Code.isValidID(code.id) else { throw CodebookEditError.invalidID(code.id) }
        guard !codes.contains(where: { $0.id == code.id }) else { throw CodebookEditError.duplicateID(code.id) }
        var new = code
        if let parentID = code.parentID {
            guard let parent = codes.first(where: { $0.id == parentID }) else { throw CodingError.unknownCode(parentID) }
            new.source = parent.source
        } else {
            new.source = SourceLocation(file: codes.first?.source?.file ?? "codebooks/codebook.yaml", line: 0)
        }
        new.position = codes.filter { $0.parentID == new.parentID }.map(\.position).max().map { $0 + 1 } ?? 0
        return new
    }

    public func update(id: String, _ change: CodeChange) async throws -> Code {
        let before = try currentCodes()
        var codes = before
        guard let index = codes.firstIndex(where: { $0.id == id }) else { throw CodingError.unknownCode(id) }
        var code = codes[index]
        let oldFile = code.source?.file ?? "codebooks/codebook.yaml"
        try Self.requireLanguage(of: change, for: code)
        if let name = change.name?.trimmingSpaces {
            guard !name.isEmpty else { throw CodebookEditError.missingName }
            code.rename(to: name, in: change.language)
        }
        if let kind = change.kind { code.kind = kind }
        for (part, text) in change.definition { code.define(part, as: text.trimmingSpaces.nilIfEmpty, in: change.language) }
        if let color = change.color {
            guard let normalized = Code.normalizedColor(color) else { throw CodebookEditError.invalidColor(color) }
            code.color = normalized
        }
        if let parent = change.parent {
            try checkMove(id, to: parent, in: codes)
            code.parentID = parent
            code.position = codes.filter { $0.parentID == parent && $0.id != id }.map(\.position).max().map { $0 + 1 } ?? 0
            let file = parent.flatMap { p in codes.first { $0.id == p }?.source?.file } ?? oldFile
            moveSubtree(of: id, to: file, in: &codes)
            code.source = SourceLocation(file: file, line: 0)
        }
        codes[index] = code
        try await save(codes, replacing: before, touching: [oldFile, code.source?.file ?? oldFile])
        return try await stored(id)
    }

    /// Without a language, an edit makes its text the one text of every language. Where the
    /// code gives that text per language, that would drop the other translations unasked: the
    /// edit is refused, naming the languages to choose from.
    private static func requireLanguage(of change: CodeChange, for code: Code) throws {
        guard change.language == nil else { return }
        var given: [(field: CodebookEditError.TextField, languages: [String])] = []
        if change.name != nil { given.append((.name, code.nameLanguages)) }
        for (part, _) in change.definition {
            let field: CodebookEditError.TextField = switch part { case .description: .description; case .include: .include; case .exclude: .exclude }
            given.append((field, code.languages(of: part)))
        }
        guard let translated = given.first(where: { !$0.languages.isEmpty }) else { return }
        throw CodebookEditError.languageRequired(code: code.id, field: translated.field, languages: translated.languages)
    }

    private func checkMove(_ id: String, to parent: String?, in codes: [Code]) throws {
        guard let parent else { return }
        guard codes.contains(where: { $0.id == parent }) else { throw CodingError.unknownCode(parent) }
        if Codebook(codes: codes).subtree(of: id).contains(parent) {
            throw CodebookEditError.moveUnderItself(id)
        }
    }

    /// Children live in their parent's file: a moved code takes its subtree along.
    private func moveSubtree(of id: String, to file: String, in codes: inout [Code]) {
        let subtree = Set(Codebook(codes: codes).subtree(of: id))
        for index in codes.indices where subtree.contains(codes[index].id) {
            codes[index].source = SourceLocation(file: file, line: 0)
        }
    }

    func currentCodes() throws -> [Code] {
        let urls = WorkspaceFiles.discover(in: workspace).codebooks
        let sources = try urls.map { try SourceText.read($0, path: workspace.relativePath(of: $0)) }
        return try CodebookParser.parse(sources).codes
    }

    /// Writes the files and ingests them; returns the files' previous contents (nil: did not exist)
    /// and what the ingest did (codings a merge moved or removed as duplicates).
    /// `before` is what the files hold now (as the caller parsed them).
    @discardableResult
    func save(_ codes: [Code], replacing before: [Code], touching files: Set<String>) async throws -> (originals: [String: Data?], summary: IngestSummary) {
        let codebook = Codebook(codes: codes)
        var originals: [String: Data?] = [:]
        var texts: [String: String] = [:]
        for file in files {
            let original = try? Data(contentsOf: workspace.url(forRelativePath: file))
            originals[file] = original
            texts[file] = original.map { String(decoding: $0, as: UTF8.self) }
        }
        // Edit the lines that change (comments and layout elsewhere kept); write a file
        // canonically only where that cannot express the change.
        let patched = CodebookTextUpdate(before: before, after: codebook).patch(texts)
        for file in files {
            let text = try patched[file] ?? {
                let header = texts[file].map(CodebookWriter.header(of:)) ?? [("title", "Codebook")]
                let roots = codebook.codes.filter { $0.source?.file == file && ($0.parentID.map { parent in codebook[parent]?.source?.file != file } ?? true) }
                    .sorted { $0.position < $1.position }
                return try CodebookWriter.yaml(codes: roots, in: codebook, header: header)
            }()
            // The team's file: its mode stays as it was.
            try ExportFile.write(text, to: workspace.url(forRelativePath: file), permissions: nil)
        }
        let summary = try await IngestService(workspace: workspace, store: store).ingest(paths: ["codebooks"])
        if let problem = summary.problems.first {
            try restore(originals)
            throw CodebookEditError.refused(problem.description)
        }
        return (originals, summary)
    }

    private func restore(_ originals: [String: Data?]) throws {
        for (file, data) in originals {
            let url = workspace.url(forRelativePath: file)
            if let data { try ExportFile.write(data, to: url, permissions: nil) } else { try? FileManager.default.removeItem(at: url) }
        }
    }

    func stored(_ id: String) async throws -> Code {
        guard let code = try await store.codebook()[id] else { throw CodingError.unknownCode(id) }
        return code
    }
}
