import FieldworkCore
import Foundation
import PostgresNIO

extension PostgresStore {
    public func replaceParticipants(_ participants: [Participant], file: SourceFileState) async throws {
        try await write { connection in
            try await connection.run("DELETE FROM participant", logger)  // consents cascade
            for participant in participants {
                try await connection.run("""
                    INSERT INTO participant (id, role, administrations, attributes)
                    VALUES (\(participant.id), \(participant.role.rawValue),
                            \(PostgresJSON.encode(participant.administrations.map(\.rawValue)))::jsonb,
                            \(PostgresJSON.encode(participant.attributes))::jsonb)
                    """, logger)
                for consent in participant.consents {
                    try await connection.run("""
                        INSERT INTO consent (id, participant_id, date, scopes, withdrawn, receipt)
                        VALUES (\(consent.id), \(participant.id), \(consent.date),
                                \(PostgresJSON.encode(consent.scopes.map(\.rawValue)))::jsonb, \(consent.withdrawn),
                                \(PostgresJSON.encode(ConsentReceiptFields(consent)))::jsonb)
                        """, logger)
                }
            }
            try await recordFiles([file], prefix: file.path, connection)
        }
    }

    public func participants() async throws -> [Participant] {
        try await read { connection in try await participants(ids: nil, connection) }
    }

    public func participantAttributeValues() async throws -> [AttributeOccurrence] {
        try await read { connection in
            try await connection.rows("""
                SELECT a.key, a.value, MIN(p.id COLLATE "C") AS first FROM participant p, jsonb_each_text(p.attributes) a
                WHERE jsonb_typeof(p.attributes) = 'object' GROUP BY a.key, a.value
                """, logger).map {
                AttributeOccurrence(key: try $0.get("key"), value: try $0.get("value"), firstParticipant: try $0.get("first"))
            }
        }
    }

    public func participants(ids: Set<String>) async throws -> [Participant] {
        if ids.isEmpty { return [] }
        return try await read { connection in try await participants(ids: ids, connection) }
    }

    /// The register's entries (those with `ids`, when given), sorted by id, with their consents.
    func participants(ids: Set<String>?, _ connection: PostgresConnection) async throws -> [Participant] {
        if let ids, ids.isEmpty { return [] }
        let wanted = ids?.sorted() ?? []
        let consents = try await connection.rows("""
            SELECT id, participant_id, date, scopes::text, withdrawn, receipt::text FROM consent
            WHERE \(ids == nil) OR participant_id = ANY(\(wanted))
            ORDER BY participant_id COLLATE "C", date COLLATE "C", id COLLATE "C"
            """, logger)
        var consentsByParticipant: [String: [Consent]] = [:]
        for row in consents {
            var consent = Consent(id: try row.get("id"), date: try row.get("date"),
                                  scopes: try row.json("scopes", default: [String]()).compactMap(ConsentScope.init(rawValue:)),
                                  withdrawn: try row.get("withdrawn"))
            try row.json("receipt", default: ConsentReceiptFields?.none)?.fill(&consent)
            consentsByParticipant[try row.get("participant_id"), default: []].append(consent)
        }
        return try await connection.rows("""
            SELECT id, role, administrations::text, attributes::text FROM participant
            WHERE \(ids == nil) OR id = ANY(\(wanted)) ORDER BY id COLLATE "C"
            """, logger).map { row in
            let id: String = try row.get("id")
            return Participant(
                id: id, role: try row.value("role", of: "participant"),
                administrations: try row.json("administrations", default: [String]()).compactMap(Administration.init(rawValue:)),
                attributes: try row.json("attributes", default: [String: String]()),
                consents: consentsByParticipant[id] ?? [])
        }
    }
}
