import FieldworkCore
import Foundation
import GRDB

extension SQLiteStore {
    public func replaceParticipants(_ participants: [Participant], file: SourceFileState) async throws {
        try await writer.write { db in
            try db.execute(sql: "DELETE FROM participant")  // consents cascade
            // Compiled once for the whole register: each compilation also codes the tables'
            // revision triggers, which was most of a 550-person register's write (session 33).
            let insertParticipant = try db.cachedStatement(sql: """
                INSERT INTO participant (id, role, administrations, attributes) VALUES (?, ?, ?, ?)
                """)
            let insertConsent = try db.cachedStatement(sql: """
                INSERT INTO consent (id, participant_id, date, scopes, withdrawn, receipt) VALUES (?, ?, ?, ?, ?, ?)
                """)
            for participant in participants {
                try insertParticipant.execute(arguments: [participant.id, participant.role.rawValue,
                                                          JSONColumn.encode(participant.administrations.map(\.rawValue)),
                                                          JSONColumn.encode(participant.attributes)])
                for consent in participant.consents {
                    try insertConsent.execute(arguments: [consent.id, participant.id, consent.date,
                                                          JSONColumn.encode(consent.scopes.map(\.rawValue)), consent.withdrawn,
                                                          JSONColumn.encode(ConsentReceiptFields(consent))])
                }
            }
            try recordFiles([file], prefix: file.path, db)
        }
    }

    public func participants() async throws -> [Participant] {
        try await writer.read { db in try Self.participants(ids: nil, db) }
    }

    public func participantAttributeValues() async throws -> [AttributeOccurrence] {
        try await writer.read { db in
            try Row.decodeAll(db, sql: """
                SELECT a.key, a.value, json_group_array(p.id) AS holders FROM participant p, json_each(p.attributes) a
                WHERE json_valid(p.attributes) AND a.type = 'text' GROUP BY a.key, a.value
                """) { row in
                let holders: String = row[2]
                return AttributeOccurrence(key: row[0], value: row[1], holders: try JSONDecoder().decode([String].self, from: Data(holders.utf8)))
            }
        }
    }

    public func participants(ids: Set<String>) async throws -> [Participant] {
        try await writer.read { db in try Self.participants(ids: ids, db) }
    }

    /// The register's entries (those with `ids`, when given), sorted by id, with their consents.
    static func participants(ids: Set<String>?, _ db: Database) throws -> [Participant] {
        if let ids, ids.isEmpty { return [] }
        let wanted = ids?.sorted() ?? []
        func only(_ column: String) -> String {
            ids == nil ? "" : " WHERE \(column) IN (" + Array(repeating: "?", count: wanted.count).joined(separator: ",") + ")"
        }
        let consents = try Row.fetchAll(db, sql: "SELECT * FROM consent\(only("participant_id")) ORDER BY participant_id, date, id",
                                        arguments: StatementArguments(wanted))
        let consentsByParticipant = Dictionary(grouping: consents, by: { $0["participant_id"] as String })
        return try Row.decodeAll(db, sql: "SELECT * FROM participant\(only("id")) ORDER BY id", arguments: StatementArguments(wanted)) { row in
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
