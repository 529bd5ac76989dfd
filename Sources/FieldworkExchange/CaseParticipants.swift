import FieldworkCore
import Foundation

/// A foreign project's cases as what Fieldwork has for them: participants. A case that refers to
/// a source the import turns into a document is matched to an existing participant (by id, or
/// by the GUID our export gave it) or becomes a new one, made on first use, with its variables
/// as attributes and no consent, so the consent rule withholds its words until one is recorded.
struct CaseParticipants {
    /// A participant made from a case, for the report.
    struct Made: Sendable, Hashable, Encodable {
        var id: String
        /// The case's name, or nil when it looked like a person's name and is kept out of the corpus.
        var caseName: String?
        var role: String
        /// Where the role came from: `variable "roll"`, or why the default was used.
        var roleBasis: String
        var attributes: Int
    }

    private let cases: [REFI.Case]
    private let variableNames: [String: String]
    private var existing: [String: Participant]
    private var existingByGUID: [String: String]
    /// Case index → participant id, for cases already resolved.
    private var resolved: [Int: String] = [:]
    private(set) var made: [Made] = []
    private(set) var newParticipants: [Participant] = []
    /// Variable values that differ from an existing participant's attribute (never overwritten).
    private(set) var conflicts: [String] = []

    init(cases: [REFI.Case] = [], variables: [REFI.Variable] = [], existing: [Participant] = []) {
        self.cases = cases
        var names: [String: String] = [:]
        for variable in variables {
            if let guid = variable.guid, let name = variable.name?.trimmingSpaces, !name.isEmpty { names[StableGUID.normalized(guid)] = name }
        }
        variableNames = names
        self.existing = Dictionary(existing.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        existingByGUID = Dictionary(existing.map { (StableGUID.normalized(StableGUID.make(.participant, $0.id)), $0.id) },
                                    uniquingKeysWith: { first, _ in first })
    }

    /// Normalised source GUID → the indices of the cases that refer to it.
    var casesBySource: [String: [Int]] {
        var result: [String: [Int]] = [:]
        for (index, element) in cases.enumerated() {
            for guid in Set((element.sourceRefs ?? []).compactMap(\.targetGUID).map(StableGUID.normalized)) {
                result[guid, default: []].append(index)
            }
        }
        return result
    }

    /// Cases that are no participant of a document made by this import.
    var unused: Int { cases.count - resolved.count }

    /// Of the unused cases, those that are participants of the register already (by the GUID
    /// our export gave them, or by id): nothing to add, so nothing left out either.
    var unusedKnown: Int {
        cases.indices.filter { resolved[$0] == nil }.count { index in
            let element = cases[index]
            return element.guid.flatMap { existingByGUID[StableGUID.normalized($0)] } != nil
                || existing[element.name?.trimmingSpaces ?? ""] != nil
        }
    }

    /// The participant a case is: an existing one, or a new one made now.
    mutating func participant(forCase index: Int) -> String? {
        if let id = resolved[index] { return id }
        let element = cases[index]
        let name = element.name?.trimmingSpaces ?? ""
        let values = self.values(of: element)
        let id: String
        if let match = element.guid.flatMap({ existingByGUID[StableGUID.normalized($0)] }) ?? (existing[name] != nil ? name : nil) {
            id = match
            reportConflicts(values, with: existing[match]!, caseLabel: Self.isPseudonym(name) ? "\"\(name)\"" : "of \(match)")
        } else if name.isEmpty && element.guid == nil {
            return nil
        } else {
            id = Self.isPseudonym(name) ? name : nextGeneratedID()
            var attributes = values
            var role = ParticipantRole.resident
            var basis = "no role variable; default"
            if let key = values.keys.sorted().first(where: { ["role", "roll"].contains($0.lowercased()) }) {
                if let known = Self.role(values[key]!) {
                    role = known
                    basis = "variable \"\(key)\""
                    attributes[key] = nil
                } else {
                    basis = "variable \"\(key)\" is no Fieldwork role, kept as an attribute; default"
                }
            }
            // Our own export's yes/no flags give the administrations back (a round trip lost them;
            // found by a new user); another tool's project has none.
            let participant = Participant(id: id, role: role, administrations: administrations(of: element), attributes: attributes)
            newParticipants.append(participant)
            existing[id] = participant
            made.append(Made(id: id, caseName: Self.isPseudonym(name) ? name : nil, role: role.rawValue,
                             roleBasis: basis, attributes: attributes.count))
        }
        resolved[index] = id
        return id
    }

    /// Variable name → value text; our own export's administration flags are left out (an
    /// administration is not an attribute).
    private func values(of element: REFI.Case) -> [String: String] {
        var values: [String: String] = [:]
        for value in element.variableValues ?? [] {
            guard let guid = value.variableRef?.targetGUID, let name = variableNames[StableGUID.normalized(guid)],
                  !name.hasPrefix(Self.administrationPrefix), let text = value.text else { continue }
            values[name] = text
        }
        return values
    }

    /// The administrations our export marked `Administration: Social services` = true, in canonical order.
    private func administrations(of element: REFI.Case) -> [Administration] {
        var marked: Set<Administration> = []
        for value in element.variableValues ?? [] {
            guard let guid = value.variableRef?.targetGUID, let name = variableNames[StableGUID.normalized(guid)],
                  name.hasPrefix(Self.administrationPrefix), value.text?.trimmingSpaces.lowercased() == "true",
                  let administration = Administration.allCases.first(where: { Self.administrationPrefix + $0.displayName == name })
            else { continue }
            marked.insert(administration)
        }
        return Administration.allCases.filter(marked.contains)
    }

    static let administrationPrefix = "Administration: "

    private mutating func reportConflicts(_ values: [String: String], with participant: Participant, caseLabel: String) {
        for (key, value) in values.sorted(by: { $0.key < $1.key }) {
            if ["role", "roll"].contains(key.lowercased()) {
                if let role = Self.role(value), role != participant.role {
                    conflicts.append("case \(caseLabel): \(key) is \"\(value)\", participants.yaml has \(participant.role.rawValue) for \(participant.id); kept")
                }
            } else if let mine = participant.attributes[key], mine != value {
                conflicts.append("case \(caseLabel): \(key) is \"\(value)\", participants.yaml has \"\(mine)\" for \(participant.id); kept")
            }
        }
    }

    /// `C01`, `C02`… skipping ids in use.
    private func nextGeneratedID() -> String {
        var number = 1
        while true {
            let id = String(format: "C%02d", number)
            if existing[id] == nil { return id }
            number += 1
        }
    }

    /// The cases among `indices` whose names look like a person's, with the participant each is
    /// (resolved already): a source's name or speaker labels may hold those names.
    func personNames(ofCases indices: [Int]) -> [(name: String, participant: String)] {
        indices.compactMap { index in
            let name = cases[index].name?.trimmingSpaces ?? ""
            guard !name.isEmpty, !Self.isPseudonym(name), let id = resolved[index] else { return nil }
            return (name, id)
        }
    }

    /// A pseudonym-like id (`R07`, `P-12`, `S1`): letters then digits, nothing that could be a name.
    static func isPseudonym(_ name: String) -> Bool {
        name.wholeMatch(of: /[A-Za-z]{1,3}[-_]?[0-9]{1,4}/) != nil
    }

    /// A role value in English or Swedish.
    static func role(_ value: String) -> ParticipantRole? {
        let text = value.trimmingSpaces.lowercased()
        if let role = ParticipantRole(rawValue: text) { return role }
        let swedish: [String: ParticipantRole] = ["boende": .resident, "brukare": .resident, "anhörig": .relative,
                                                   "personal": .staff, "forskare": .researcher, "annan": .other]
        return swedish[text]
    }
}
