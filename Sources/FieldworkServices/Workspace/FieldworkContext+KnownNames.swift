import FieldworkCore

/// The filters commands take (`--code`, `--coder`, `--document`) name something that is there:
/// a misspelt name gave an empty list and exit status 0, which reads as "no codings".
extension FieldworkContext {
    /// Throws `UnknownName` for the first given name that names nothing. A coder is known when
    /// they have a live coding, or are the person acting or the consensus (whose lists may well be empty).
    public func requireKnown(code: String? = nil, coder: String? = nil, documents: [String] = []) async throws {
        if let code {
            try UnknownName.require(code, kind: "code", place: "in the codebook", known: try await store.codebook().codes.map(\.id))
        }
        if let coder { try requireKnown(coder: coder, among: try await store.coders()) }
        if !documents.isEmpty {
            let known = Set(try await store.documents().map(\.metadata.id))
            for document in documents {
                try UnknownName.require(document, kind: "document", place: "in the corpus", known: known)
            }
        }
    }

    /// `requireKnown(coder:)` against the coders with codings already read (`store.coders()`):
    /// a page that lists them in its picker reads them once.
    public func requireKnown(coder: String, among coders: [String]) throws {
        let known = Set(coders).union([Acting.current.coder, Consensus.coder].compactMap { $0 })
        try UnknownName.require(coder, kind: "coder", place: "with codings", known: known)
    }
}
