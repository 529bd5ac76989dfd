/// One coding placed where it was said: its document, its segment and whose words these are
/// (the attribution rule, `Attribution`).
public struct CodedPassage: Sendable, Hashable {
    public var coding: Coding
    public var document: DocumentMetadata
    /// The segment holding the coding's start; codings in the same segment co-occur.
    public var segmentIndex: Int?
    public var attribution: Attribution

    public init(coding: Coding, document: DocumentMetadata, segmentIndex: Int?, attribution: Attribution) {
        self.coding = coding
        self.document = document
        self.segmentIndex = segmentIndex
        self.attribution = attribution
    }

    /// The people the passage counts for (empty for group notes).
    public var participants: [String] { attribution.participants }
}

/// What the material says about one need: how often, by whom, where, with which obstacles.
public struct NeedEvidence: Sendable, Hashable {
    public struct Quote: Sendable, Hashable {
        public var codingID: String
        public var documentID: String
        public var documentTitle: String
        public var participants: [String]
        public var text: String
    }

    /// A barrier or precondition code and the number of the need's segments it shares.
    public struct Related: Sendable, Hashable {
        public var codeID: String
        public var name: String
        public var segments: Int
    }

    public var need: Code
    /// Codings of the need and every need code below it.
    public var codings: Int
    /// Everyone the codings count for, residents, relatives and staff alike.
    public var participants: [String]
    /// The same people apart by role.
    public var people: PeopleByRole
    /// Codings in notes that count for no one in particular (plenary or group notes).
    public var groupNotes: Int
    /// The administrations supporting the residents who raised the need (never staff's employers).
    public var administrations: [Administration]
    public var documentTypes: [DocumentType]
    public var quotes: [Quote]
    /// Passages not offered as quotes because a participant did not consent (`QuotesWithheld`).
    public var quotesWithheld: Int
    /// Codings of the need on words the consent rule withholds today (a withdrawal): they count
    /// no one, as in the study report, and are counted here instead.
    public var evidenceWithheld = 0
    public var barriers: [Related]
    public var preconditions: [Related]
    public var links: [NeedSolutionLink]
}

public enum NeedsRegister {
    public static let quotesPerNeed = 3

    /// The evidence of every code of kind `need`, in codebook order.
    /// - Parameter today: the day the register is produced (`YYYY-MM-DD`): quotes of people who
    ///   withdrew consent by then are withheld, whenever they were interviewed.
    public static func evidence(
        codebook: Codebook, passages: [CodedPassage], participants: [Participant], links: [NeedSolutionLink], today: String,
        access: AccessRule? = nil
    ) -> [NeedEvidence] {
        let people = Dictionary(participants.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let consent = QuoteConsent(ConsentRule(participants: participants, today: today, access: access), passages)
        // A need works with its passages' indices: the passages are large, and a parent need
        // gathers its children's again. Each need's indices are put in reading order (date,
        // document, start) by a place worked out once (at 40,000 codings, 7 % less CPU).
        let place = readingPlaces(passages)
        let byCode = Dictionary(grouping: passages.indices, by: { passages[$0].coding.codeID })
        // Segment → the barrier and precondition codes applied in it; documents by number.
        struct SegmentKey: Hashable { let document: Int; let index: Int }
        var documentNumbers: [String: Int] = [:]
        var segmentKeys: [SegmentKey?] = []
        segmentKeys.reserveCapacity(passages.count)
        for passage in passages {
            let number = documentNumbers[passage.document.id] ?? documentNumbers.count
            documentNumbers[passage.document.id] = number
            segmentKeys.append(passage.segmentIndex.map { SegmentKey(document: number, index: $0) })
        }
        var related: [SegmentKey: Set<String>] = [:]
        for (passage, key) in zip(passages, segmentKeys) {
            guard let key, let kind = codebook[passage.coding.codeID]?.kind, kind == .barrier || kind == .precondition else { continue }
            related[key, default: []].insert(passage.coding.codeID)
        }
        return codebook.codes.filter { $0.kind == .need }.map { need in
            let coded = codebook.subtree(of: need.id).filter { codebook[$0]?.kind == .need }.flatMap { byCode[$0] ?? [] }
                .sorted { place[$0] < place[$1] }
            // Words a withdrawal withholds are no evidence: they count no one (as in the report, the
            // actor map and the handouts); quotes are chosen, and withheld ones counted, from all.
            let own = coded.filter(consent.isShown)
            let speakers = Set(own.flatMap { passages[$0].participants }).sorted()
            let administrations = residentAdministrations(of: speakers, people: people)
            var shared: [String: Set<SegmentKey>] = [:]
            for index in own {
                guard let key = segmentKeys[index] else { continue }
                for code in related[key] ?? [] { shared[code, default: []].insert(key) }
            }
            func relatedCodes(_ kind: CodeKind) -> [NeedEvidence.Related] {
                shared.compactMap { id, segments in
                    guard let code = codebook[id], code.kind == kind else { return nil }
                    return NeedEvidence.Related(codeID: id, name: code.name, segments: segments.count)
                }.sorted { ($1.segments, $0.codeID) < ($0.segments, $1.codeID) }
            }
            let quotes = representativeQuotes(coded, of: passages, consent: consent)
            let withheld = QuotesWithheld.count(coded, of: passages, isWithheld: consent.isWithheld)
            let byRole = PeopleByRole(speakers.compactMap { people[$0] })
            let groupNotes = own.filter { !passages[$0].attribution.isIndividual }.count
            let types = Set(own.map { passages[$0].document.type })
            var evidence = NeedEvidence(
                need: need, codings: own.count, participants: speakers, people: byRole, groupNotes: groupNotes,
                administrations: administrations, documentTypes: DocumentType.allCases.filter(types.contains),
                quotes: quotes, quotesWithheld: withheld, barriers: relatedCodes(.barrier),
                preconditions: relatedCodes(.precondition),
                links: links.filter { $0.needID == need.id }.sorted { $0.solutionID < $1.solutionID })
            evidence.evidenceWithheld = coded.count - own.count
            return evidence
        }
    }

    /// Each passage's place in reading order, by date, document and start; passages that tie
    /// share a place (a stable sort by place keeps their order as given).
    static func readingPlaces(_ passages: [CodedPassage]) -> [Int] {
        func key(_ index: Int) -> (String, String, Int) {
            (passages[index].document.date ?? "", passages[index].document.id, passages[index].coding.start)
        }
        let order = passages.indices.sorted { key($0) < key($1) }
        var places = [Int](repeating: 0, count: passages.count)
        for (position, index) in order.enumerated() {
            places[index] = position > 0 && key(order[position - 1]) == key(index) ? places[order[position - 1]] : position
        }
        return places
    }

    /// The administrations supporting the residents among `ids`, in canonical order. Staff are
    /// employed by an administration, not supported by it; relatives speak for a resident.
    public static func residentAdministrations(of ids: [String], people: [String: Participant]) -> [Administration] {
        let supported = Set(ids.compactMap { people[$0] }.filter { $0.role == .resident }.flatMap(\.administrations))
        return Administration.allCases.filter(supported.contains)
    }

    /// Up to three quotes, one per participant first, only from people whose consent lets them
    /// be quoted on the document's date (`passages[indices]`, in reading order).
    static func representativeQuotes(_ indices: [Int], of passages: [CodedPassage], consent: QuoteConsent) -> [NeedEvidence.Quote] {
        // Group notes are nobody's words to quote; the rest need `quote` consent not withdrawn today.
        let quotable = indices.lazy.filter(consent.isQuotable)
        var chosen: [Int] = []
        var heard: Set<[String]> = []
        // Words already quoted are not quoted again: two coders' codings of one passage gave the
        // same sentence twice, the second inside the first.
        func new(_ index: Int) -> Bool {
            let passage = passages[index]
            return !chosen.contains {
                passages[$0].document.id == passage.document.id && passages[$0].coding.start < passage.coding.end
                    && passage.coding.start < passages[$0].coding.end
            }
        }
        for index in quotable where chosen.count < quotesPerNeed && new(index) && heard.insert(passages[index].participants).inserted {
            chosen.append(index)
        }
        for index in quotable where chosen.count < quotesPerNeed && new(index) {
            chosen.append(index)
        }
        return chosen.map { index in
            let passage = passages[index]
            return NeedEvidence.Quote(codingID: passage.coding.id, documentID: passage.document.id, documentTitle: passage.document.title,
                                      participants: passage.participants, text: passage.coding.quote)
        }
    }
}
