/// Who applied which code to which unit: the decisions every agreement statistic is computed from.
public struct AgreementDecisions: Sendable, Hashable {
    /// The compared coders, in report order.
    public var coders: [String]
    /// The compared codes, in report order.
    public var codes: [String]
    public var units: [AgreementUnit]
    /// code → unit index → the coders who applied the code to that unit.
    public var applied: [String: [Int: Set<String>]]
    /// The documents the units come from, and those left out because not every coder coded them.
    public var documents: [String]
    public var leftOut: [AgreementReport.LeftOutDocument]

    public init(coders: [String], codes: [String], units: [AgreementUnit], applied: [String: [Int: Set<String>]],
                documents: [String]? = nil, leftOut: [AgreementReport.LeftOutDocument] = []) {
        self.coders = coders
        self.codes = codes
        self.units = units
        self.applied = applied
        var seen = Set<String>()
        self.documents = documents ?? units.map(\.documentID).filter { seen.insert($0).inserted }
        self.leftOut = leftOut
    }

    /// The decisions on one code: a row per unit, a column per coder.
    public func matrix(for code: String) -> DecisionMatrix {
        let byUnit = applied[code] ?? [:]
        return DecisionMatrix(coderCount: coders.count, rows: units.indices.map { unit in
            let appliers = byUnit[unit] ?? []
            return coders.map { appliers.contains($0) }
        })
    }

    /// Statistics per code and pooled, and every (unit, code) on which the coders differ.
    public func report() -> AgreementReport {
        let matrices = codes.map { matrix(for: $0) }
        var disagreements: [AgreementReport.Disagreement] = []
        for (unitIndex, unit) in units.enumerated() {
            for code in codes {
                let appliers = applied[code]?[unitIndex] ?? []
                let by = coders.filter { appliers.contains($0) }
                guard !by.isEmpty, by.count < coders.count else { continue }
                disagreements.append(.init(unit: unit, code: code, appliedBy: by,
                                           notAppliedBy: coders.filter { !appliers.contains($0) }))
            }
        }
        return AgreementReport(
            coders: coders, documents: documents, leftOut: leftOut,
            overall: AgreementSummary(.pooled(matrices, coderCount: coders.count), coders: coders),
            codes: zip(codes, matrices).map { .init(code: $0, summary: AgreementSummary($1, coders: coders)) },
            disagreements: disagreements)
    }
}

extension AgreementDecisions {
    /// The decisions the codings make, by the rules of the unit:
    /// - units are the segments of the documents in which every coder has at least one anchored
    ///   coding (of any code); the other documents are left out;
    /// - coder c applied code k to segment s when c has an anchored coding of k — with
    ///   `includeChildren`, of k or a code below it — overlapping s by at least one scalar;
    /// - the codes compared are `code` if given, else every code applied in those units, in
    ///   codebook order.
    public static func build(documents: [CodedDocument], coders: [String], codebook: Codebook,
                             code: String? = nil, includeChildren: Bool = false) -> AgreementDecisions {
        let compared = Set(coders)
        var units: [AgreementUnit] = []
        var applied: [String: [Int: Set<String>]] = [:]
        var included: [String] = []
        var leftOut: [AgreementReport.LeftOutDocument] = []
        for document in documents {
            let codings = document.codings.filter { $0.status == .anchored && compared.contains($0.coder) }
            let codedBy = Set(codings.map(\.coder))
            guard !coders.isEmpty, codedBy == compared else {
                leftOut.append(.init(documentID: document.id, codedBy: coders.filter(codedBy.contains),
                                     notCodedBy: coders.filter { !codedBy.contains($0) }))
                continue
            }
            included.append(document.id)
            let first = units.count
            let position = Dictionary(document.segments.enumerated().map { ($1.index, first + $0) }, uniquingKeysWith: { a, _ in a })
            units += document.segments.map { AgreementUnit(documentID: document.id, segment: $0) }
            for coding in codings {
                let credited = credit(coding.codeID, codebook: codebook, includeChildren: includeChildren)
                    .filter { code == nil || $0 == code }
                guard !credited.isEmpty else { continue }
                for segment in SegmentOverlap.segments(overlapping: coding.start..<coding.end, in: document.segments) {
                    guard let unit = position[segment.index] else { continue }
                    for creditedCode in credited { applied[creditedCode, default: [:]][unit, default: []].insert(coding.coder) }
                }
            }
        }
        let codes = code.map { [$0] } ?? codebookOrder(Array(applied.keys), codebook: codebook)
        return AgreementDecisions(coders: coders, codes: codes, units: units, applied: applied,
                                  documents: included, leftOut: leftOut)
    }

    /// The codes a coding of `codeID` counts for: itself, and with children included every code above it.
    static func credit(_ codeID: String, codebook: Codebook, includeChildren: Bool) -> [String] {
        guard includeChildren else { return [codeID] }
        var result = [codeID]
        var current = codebook[codeID]?.parentID
        while let parent = current, result.count <= codebook.codes.count {
            result.append(parent)
            current = codebook[parent]?.parentID
        }
        return result
    }

    /// Codes in the order the codebook lists them (depth first, as written); unknown ids last, sorted.
    public static func codebookOrder(_ ids: [String], codebook: Codebook) -> [String] {
        let wanted = Set(ids)
        var ordered: [String] = []
        func visit(_ parent: String?) {
            for child in codebook.children(of: parent) {
                if wanted.contains(child.id) { ordered.append(child.id) }
                visit(child.id)
            }
        }
        visit(nil)
        let known = Set(ordered)
        return ordered + wanted.subtracting(known).sorted()
    }
}
