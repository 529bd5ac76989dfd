import FieldworkCore
import FieldworkServices

/// The `project.qde` document and the internal files that go beside it, built from a snapshot in
/// the element order the REFI-QDA project schema prescribes.
enum ProjectXML {
    struct Output {
        var document: String
        /// Files for `sources/`: plain texts of the documents, texts of analytic memos.
        var files: [(name: String, text: String)]
    }

    /// - Parameter positions: how selection positions are counted: code points as REFI-QDA says,
    ///   or UTF-16 code units for NVivo.
    static func build(_ snapshot: ProjectSnapshot, positions: PositionReading = .codePoints) -> Output {
        let notes = ProjectNotes(snapshot)
        let history = snapshot.history
        var children: [XElement] = []
        let users = snapshot.users
        if !users.isEmpty {
            children.append(XElement("Users", children: users.map { XElement("User", [("guid", StableGUID.make(.user, $0)), ("name", $0)]) }))
        }
        if !snapshot.codebook.codes.isEmpty {
            children.append(XElement("CodeBook", children: [CodebookXML.codes(snapshot.codebook, noteRefs: notes.codeRefs)]))
        }
        let cases = CaseVariables(snapshot.participants)
        children += cases.variablesElement(hasCases: !snapshot.participants.isEmpty)
        children += cases.casesElement(snapshot.participants, sources: sourcesByParticipant(snapshot.documents))
        var files: [(name: String, text: String)] = []
        if !snapshot.documents.isEmpty {
            let codings = Dictionary(grouping: snapshot.codings, by: \.documentID)
            children.append(XElement("Sources", children: snapshot.documents.map { document in
                let guid = StableGUID.make(.document, document.metadata.id)
                files.append((guid + ".txt", document.plainText))
                if let markdown = snapshot.markdown[document.metadata.id] {
                    files.append((SourceMarkdown.fileName(sourceGUID: guid), markdown))
                }
                // Code points are our offsets as they are; other counts go through a table per document.
                let table = positions == .codePoints ? nil : positions.positions(Array(document.plainText.unicodeScalars))
                return textSource(document, guid: guid, codings: codings[document.metadata.id] ?? [],
                                  codebook: snapshot.codebook, noteRefs: notes.documentRefs[document.metadata.id] ?? [],
                                  position: { table?[$0] ?? $0 })
            }))
        }
        children += notes.element
        children.append(XElement("Description", text: "Exported from Fieldwork: \(snapshot.documents.count) documents, "
            + "\(snapshot.codebook.codes.count) codes, \(snapshot.codings.count) codings, \(snapshot.participants.count) participants.\n"
            + "Selection positions count \(positions.rawValue).\n"
            + "Consent rule: \(ExportMetadata.consentRule).\n\(snapshot.consent.summary)."))
        children += notes.projectRefs.map { XElement("NoteRef", [("targetGUID", $0)]) }

        let root = XElement("Project", [
            ("xmlns", Exchange.projectNamespace),
            ("name", snapshot.name),
            ("origin", Exchange.origin),
            ("creatingUserGUID", history.map { StableGUID.make(.user, $0.creator) }),
            ("creationDateTime", history.map { QDADateTime.string($0.created) }),
            ("modifiedDateTime", history.map { QDADateTime.string($0.modified) }),
        ], children: children)
        return Output(document: root.document(), files: files + notes.files)
    }

    private static func textSource(_ document: StoredDocument, guid: String, codings: [Coding], codebook: Codebook,
                                   noteRefs: [String], position: (Int) -> Int) -> XElement {
        let metadata = document.metadata
        return XElement("TextSource", [
            ("guid", guid),
            // The id, not the title: unique, and safe as a file name in tools that use it as one.
            ("name", metadata.id),
            ("plainTextPath", "internal://\(guid).txt"),
            ("creationDateTime", metadata.date.map { $0 + "T00:00:00Z" }),
        ], children: [XElement("Description", text: SourceDescription(metadata, path: document.path).text)]
            + codings.map { selection($0, codebook: codebook, position: position) }
            + noteRefs.map { XElement("NoteRef", [("targetGUID", $0)]) })
    }

    /// One selection per coding: its span, who made it and when, the code, and its memo (as a
    /// note, and as the selection's description, which QualCoder and MAXQDA read as the memo).
    private static func selection(_ coding: Coding, codebook: Codebook, position: (Int) -> Int) -> XElement {
        let user = StableGUID.make(.user, coding.coder)
        let created = QDADateTime.string(coding.createdAt)
        let codingElement = XElement("Coding", [
            ("guid", StableGUID.make(.coding, coding.id)), ("creatingUser", user), ("creationDateTime", created),
        ], children: [XElement("CodeRef", [("targetGUID", StableGUID.make(.code, coding.codeID))])]
            + [ProjectNotes.codingMemoGUID(coding)].compactMap { $0 }.map { XElement("NoteRef", [("targetGUID", $0)]) })
        return XElement("PlainTextSelection", [
            ("guid", StableGUID.make(.selection, coding.id)),
            ("name", preview(coding.quote)),
            ("startPosition", String(position(coding.start))),
            ("endPosition", String(position(coding.end))),
            ("creatingUser", user),
            ("creationDateTime", created),
            ("modifiedDateTime", QDADateTime.string(coding.updatedAt)),
        ], children: XElement.text("Description", coding.memo) + [codingElement])
    }

    /// A one-line label for a selection, as other tools show quotations.
    static func preview(_ quote: String, length: Int = 60) -> String {
        let line = quote.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingSpaces
        return line.count > length ? String(line.prefix(length - 1)) + "…" : line
    }

    private static func sourcesByParticipant(_ documents: [StoredDocument]) -> [String: [String]] {
        var sources: [String: [String]] = [:]
        for document in documents {
            for participant in document.metadata.participants {
                sources[participant, default: []].append(StableGUID.make(.document, document.metadata.id))
            }
        }
        return sources
    }
}
