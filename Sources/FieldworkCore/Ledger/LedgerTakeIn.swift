extension CodingEvent {
    /// What taking in a colleague's record does to a coding, as history: created, removed,
    /// restored, or changed — by the record's author, from their file. Both stores append these,
    /// so the history of a take-in reads the same on SQLite and PostgreSQL.
    /// - Parameters:
    ///   - old: the coding as stored before (nil when it is new here); `wasRemoved`: whether it was removed.
    public static func takeIn(old: Coding?, wasRemoved: Bool, _ coding: Coding, by person: String,
                              removal: LedgerRecord.Removal?, version: Int, file: String) -> [CodingEvent] {
        func event(_ kind: CodingEvent.Kind, after old: Coding?) -> CodingEvent {
            let at = switch kind {
            case .created: coding.createdAt
            case .removed: removal?.at ?? coding.updatedAt
            default: coding.updatedAt
            }
            return .between(old, coding, kind: kind, at: at, by: person, source: file, version: version)
        }
        switch (old, removal) {
        case (nil, nil): return [event(.created, after: nil)]
        case (nil, _?): return [event(.created, after: nil), event(.removed, after: coding)]
        case (let old?, _?) where !wasRemoved: return [event(.removed, after: old)]
        case (let old?, nil) where wasRemoved: return [event(.restored, after: old)]
        case (let old, _): return [event(.changed, after: old)]
        }
    }
}
