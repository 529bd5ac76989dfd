import FieldworkCore

/// The needs register: every code of kind `need` with its evidence and linked solutions.
public struct NeedsRegisterService: Sendable {
    let store: any FieldworkStore
    /// Where the team adjudicated, its decisions count (`ConsensusEvidence`): the study report's
    /// evidence. Applies when no single coder is asked for.
    let preferConsensus: Bool

    public init(store: any FieldworkStore, preferConsensus: Bool = false) {
        self.store = store
        self.preferConsensus = preferConsensus
    }

    /// `coder`: evidence from that coder's codings only.
    public func register(coder: String? = nil) async throws -> [NeedEvidence] {
        try await register(coder: coder, codebook: store.codebook(), needs: nil)
    }

    /// `needs`: the need codes whose codings are read (nil: all); the other needs' evidence is empty.
    private func register(coder: String?, codebook: Codebook, needs: Set<String>?) async throws -> [NeedEvidence] {
        // The register reads needs and the barriers and preconditions beside them; codings of
        // other codes (themes, emotions, actors: most of a study's) are not read at all.
        let read = codebook.codes.filter {
            $0.kind == .barrier || $0.kind == .precondition || ($0.kind == .need && needs?.contains($0.id) ?? true)
        }.map(\.id)
        return NeedsRegister.evidence(codebook: codebook, passages: read.isEmpty ? [] : try await passages(coder: coder, codes: read),
                                      participants: try await store.participants(), links: try await store.needLinks(needID: nil),
                                      today: ConsentRule.today([]).today, access: ConsentRule.today([]).access)
    }

    /// Every anchored coding (of one coder, of these codes, if given) placed in its segment with
    /// whose words it holds (the attribution rule).
    public func passages(coder: String? = nil, codes: [String]? = nil) async throws -> [CodedPassage] {
        let known = Set(try await store.participants().map(\.id))
        var documents = DocumentContextCache(store: store, known: known)
        var passages: [CodedPassage] = []
        let codings = try await store.codings(CodingFilter(codeIDs: codes, coder: coder, status: .anchored))
        for (documentID, codings) in Dictionary(grouping: codings, by: \.documentID) {
            guard let entry = try await documents.entry(documentID) else { continue }
            for coding in codings {
                let segment = entry.segment(of: coding)
                passages.append(CodedPassage(coding: coding, document: entry.document.metadata, segmentIndex: segment?.index,
                                             attribution: entry.attribution(of: coding, in: segment)))
            }
        }
        guard preferConsensus, coder == nil else { return passages }
        return ConsensusEvidence.select(passages, dismissals: try await dismissals())
    }

    /// The adjudication's dismissals (document memos `Adjudication: dismissed code=… passage=…`).
    private func dismissals() async throws -> [ConsensusEvidence.Dismissal] {
        try await store.memos(target: .document, targetID: nil).compactMap { memo in
            guard let note = AdjudicationNote(memoText: memo.text), case .dismissed(let code) = note.kind else { return nil }
            return ConsensusEvidence.Dismissal(documentID: memo.targetID, code: code, start: note.start, end: note.end)
        }
    }

    /// The documents where the consensus decided something (with `preferConsensus`), sorted.
    public func adjudicatedDocuments() async throws -> [String] {
        guard preferConsensus else { return [] }
        return Set(try await store.codings(CodingFilter(coder: Consensus.coder, status: .anchored)).map(\.documentID)).sorted()
    }

    /// The residents whose consented words are coded with the need (or a need code below it),
    /// by the attribution rule: whose devices a need's page charts. Group notes count for no one.
    public func evidencingResidents(needID: String) async throws -> Set<String> {
        let needs = Self.needCodes(under: needID, in: try await store.codebook())
        guard !needs.isEmpty else { return [] }
        let residents = Set(try await store.participants().filter { $0.role == .resident }.map(\.id))
        // Only the need's codings are read (not every coding of the study, as before).
        let speakers = try await consentedPassages(codes: needs.sorted()).passages.flatMap(\.participants)
        return residents.intersection(speakers)
    }

    /// The need and every need code below it.
    private static func needCodes(under needID: String, in codebook: Codebook) -> Set<String> {
        Set(codebook.subtree(of: needID).filter { codebook[$0]?.kind == .need })
    }

    /// The passages whose words the consent rule lets appear today, and what it withheld: the
    /// evidence of outputs that show no quotes but derive from the words (the actor map).
    /// `codes`: only these codes' passages (nil: every code's).
    public func consentedPassages(coder: String? = nil, codes: [String]? = nil) async throws -> (passages: [CodedPassage], withheld: WithheldCount) {
        let rule = ConsentRule.today(try await store.participants())
        var withheld = WithheldCount()
        let kept = try await passages(coder: coder, codes: codes).filter { passage in
            guard case .withheld(let reason) = rule.words(of: passage.participants, type: passage.document.type,
                                                          date: passage.document.date) else { return true }
            withheld.add(reason)
            return false
        }
        return (kept, withheld)
    }

    /// What the consent rule kept out of the register's evidence today (codings of need codes,
    /// each once), by reason: the register counts no one for them, and says so.
    public func evidenceWithheld(coder: String? = nil) async throws -> WithheldCount {
        let needs = try await store.codebook().codes.filter { $0.kind == .need }.map(\.id)
        guard !needs.isEmpty else { return WithheldCount() }
        return try await consentedPassages(coder: coder, codes: needs).withheld
    }

    /// One need's evidence: only its codings (and the barriers and preconditions) are read.
    /// `coder`: from that coder's codings only (a blind pass).
    public func evidence(needID: String, coder: String? = nil) async throws -> NeedEvidence? {
        let codebook = try await store.codebook()
        return try await register(coder: coder, codebook: codebook, needs: Self.needCodes(under: needID, in: codebook)).first { $0.need.id == needID }
    }
}
