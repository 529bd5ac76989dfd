import FieldworkCore
import Foundation
import GRDB

extension SQLiteStore {
    public func replaceParticipants(_ participants: [Participant], file: SourceFileState) async throws {
        try await writer.write { db in
            try db.execute(sql: "DELETE FROM participant")  // consents cascade
            for participant in participants {
                try db.execute(sql: """
                    INSERT INTO participant (id, role, administrations, attributes) VALUES (?, ?, ?, ?)
                    """, arguments: [participant.id, participant.role.rawValue,
                                     JSONColumn.encode(participant.administrations.map(\.rawValue)),
                                     JSONColumn.encode(participant.attributes)])
                for consent in participant.consents {
                    try db.execute(sql: """
                        INSERT INTO consent (id, participant_id, date, scopes, withdrawn, receipt) VALUES (?, ?, ?, ?, ?, ?)
                        """, arguments: [consent.id, participant.id, consent.date,
                                         JSONColumn.encode(consent.scopes.map(\.rawValue)), consent.withdrawn,
                                         JSONColumn.encode(ConsentReceiptFields(consent))])
                }
            }
            try recordFiles([file], prefix: file.path, db)
        }
    }

    public func participants() async throws -> [Participant] {
        try await writer.read { db in try Self.participants(db, ids: nil) }
    }

    public func participants(ids: Set<String>) async throws -> [Participant] {
        guard !ids.isEmpty else { return [] }
        return try await writer.read { db in try Self.participants(db, ids: ids.sorted()) }
    }

    /// The register, or the participants `ids` name (nil: all), with their consents.
    private static func participants(_ db: Database, ids: [String]?) throws -> [Participant] {
        let only = ids.map { "WHERE participant_id IN (\(databaseQuestionMarks(count: $0.count)))" } ?? ""
        let arguments = ids.map { StatementArguments($0) } ?? StatementArguments()
        let consents = try Row.fetchAll(db, sql: "SELECT * FROM consent \(only) ORDER BY participant_id, date, id", arguments: arguments)
        let consentsByParticipant = Dictionary(grouping: consents, by: { $0["participant_id"] as String })
        let onlyPeople = ids.map { "WHERE id IN (\(databaseQuestionMarks(count: $0.count)))" } ?? ""
        return try Row.fetchAll(db, sql: "SELECT * FROM participant \(onlyPeople) ORDER BY id", arguments: arguments).map { row in
            let id: String = row["id"]
            return Participant(
                id: id, role: try row.value("role", of: "participant"),
                administrations: JSONColumn.decode([String].self, from: row["administrations"], default: [])
                    .compactMap(Administration.init(rawValue:)),
                attributes: JSONColumn.decode([String: String].self, from: row["attributes"], default: [:]),
                consents: (consentsByParticipant[id] ?? []).map { consent in
                    var value = Consent(id: consent["id"], date: consent["date"],
                                        scopes: JSONColumn.decode([String].self, from: consent["scopes"], default: [])
                                            .compactMap(ConsentScope.init(rawValue:)),
                                        withdrawn: consent["withdrawn"])
                    JSONColumn.decode(ConsentReceiptFields?.self, from: consent["receipt"], default: nil)?.fill(&value)
                    return value
                })
        }
    }
}
