import FieldworkCore
import Yams

/// Reads `corpus/participants.yaml`: pseudonyms, roles, administrations, attributes, consents
/// (each read by `ConsentReceiptParser`).
struct ParticipantsParser {
    private static let participantKeys: Set<String> = ["id", "role", "administrations", "attributes", "consents", "notes"]

    static func parse(_ source: SourceText) throws -> [Participant] {
        var reader = YAMLReader(file: source.path)
        guard let root = reader.compose(source.text) else { throw SourceProblems(reader.problems) }
        let top = reader.mapping(root, allowed: ["participants"], what: "participants.yaml") ?? [:]
        var participants: [Participant] = []
        var seenParticipants: [String: Int] = [:]
        var seenConsents: [String: Int] = [:]
        switch top["participants"] {
        case .sequence(let items)?:
            for item in items {
                guard let participant = parseParticipant(item, &reader) else { continue }
                let line = reader.line(of: item)
                if let first = seenParticipants[participant.id] {
                    reader.report(line: line, "participant '\(participant.id)' is listed twice (first on line \(first))")
                    continue
                }
                seenParticipants[participant.id] = line
                for consent in participant.consents {
                    if let first = seenConsents[consent.id] {
                        reader.report(line: line, "consent id '\(consent.id)' is used twice (first on line \(first))")
                    }
                    seenConsents[consent.id] = line
                }
                participants.append(participant)
            }
        case nil:
            break
        case let other?:
            if !other.isNull { reader.report(other, "'participants' must be a list") }
        }
        guard reader.problems.isEmpty else { throw SourceProblems(reader.problems) }
        return participants
    }

    private static func parseParticipant(_ node: Node, _ reader: inout YAMLReader) -> Participant? {
        guard let entries = reader.mapping(node, allowed: participantKeys, what: "a participant") else { return nil }
        guard let id = reader.string(entries, "id", in: node, required: true) else { return nil }
        let roleText = reader.string(entries, "role", in: node) ?? ParticipantRole.resident.rawValue
        let role = ParticipantRole(rawValue: roleText)
        if role == nil {
            reader.report(entries["role"], "unknown role '\(roleText)' (use: \(ParticipantRole.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let administrations = reader.strings(entries, "administrations").compactMap { item -> Administration? in
            let value = Administration(rawValue: item.value)
            if value == nil { reader.report(line: item.line, "unknown administration '\(item.value)'") }
            return value
        }
        var attributes: [String: String] = [:]
        if let node = entries["attributes"], !node.isNull {
            if case .mapping(let mapping) = node {
                for (key, value) in mapping {
                    guard let key = key.string, case .scalar(let scalar) = value else {
                        reader.report(value, "attributes must map names to single values")
                        continue
                    }
                    attributes[key] = scalar.string
                }
            } else {
                reader.report(node, "'attributes' must be a mapping")
            }
        }
        var consents: [Consent] = []
        if case .sequence(let items)? = entries["consents"] {
            consents = items.compactMap { ConsentReceiptParser.parse($0, &reader) }
        } else if let node = entries["consents"], !node.isNull {
            reader.report(node, "'consents' must be a list")
        }
        return Participant(id: id, role: role ?? .other, administrations: administrations,
                           attributes: attributes, consents: consents)
    }
}
