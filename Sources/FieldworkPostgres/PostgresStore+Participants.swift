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
                SELECT a.key, a.value, array_agg(p.id) AS holders FROM participant p, jsonb_each_text(p.attributes) a
                WHERE jsonb_typeof(p.attributes) = 'object' GROUP BY a.key, a.value
                """, logger).map {
                AttributeOccurrence(key: try $0.get("key"), value: try $0.get("value"), holders: try $0.get("holders"))
            }
        }
    }

    public func participants(ids: Set<String>) async throws -> [Participant] {
        if ids.isEmpty { return [] }
        return try await read { connection in try await participants(ids: ids, connection) }
    }

    /// The register's entries (those with `ids`, when given), sorted by id, with their consents:
    /// one query (a row per consent, or one without), as a document open pays per round trip.
    func participants(ids: Set<String>?, _ connection: PostgresConnection) async throws -> [Participant] {
        if let ids, ids.isEmpty { return [] }
        let wanted = ids?.sorted() ?? []
        let rows = try await connection.rows("""
            SELECT p.id, p.role, p.administrations::text, p.attributes::text,
                c.id AS consent_id, c.date, c.scopes::text, c.withdrawn, c.receipt::text
            FROM participant p LEFT JOIN consent c ON c.participant_id = p.id
            WHERE \(ids == nil) OR p.id = ANY(\(wanted))
            ORDER BY p.id COLLATE "C", c.date COLLATE "C", c.id COLLATE "C"
            """, logger)
        var participants: [Participant] = []
        for row in rows {
            let id: String = try row.get("id")
            if participants.last?.id != id {
                participants.append(Participant(
                    id: id, role: try row.value("role", of: "participant"),
                    administrations: try row.json("administrations", default: [String]()).compactMap(Administration.init(rawValue:)),
                    attributes: try row.json("attributes", default: [String: String]()), consents: []))
            }
            guard let consentID: String = try row.get("consent_id") else { continue }
            var consent = Consent(id: consentID, date: try row.get("date"),
                                  scopes: try row.json("scopes", default: [String]()).compactMap(ConsentScope.init(rawValue:)),
                                  withdrawn: try row.get("withdrawn"))
            try row.json("receipt", default: ConsentReceiptFields?.none)?.fill(&consent)
            participants[participants.count - 1].consents.append(consent)
        }
        return participants
    }
}
