import FieldworkCore

/// Who made something in an imported file: the name of the REFI-QDA user its GUID names, else
/// the person running the import (every coding and memo in Fieldwork has a coder or author).
struct ImportPeople: Sendable {
    private let names: [String: String]
    let fallback: String
    /// Items attributed to `fallback` because the file named no usable user.
    private(set) var fallbackUses = 0

    init(_ users: [REFI.User], fallback: String) {
        var names: [String: String] = [:]
        for user in users {
            guard let guid = user.guid.map(StableGUID.normalized) else { continue }
            // Fieldwork's rule for coder names: 1 to 80 characters.
            let name = (user.name ?? user.id ?? "").trimmingSpaces
            if !name.isEmpty, name.count <= 80 { names[guid] = name }
        }
        self.names = names
        self.fallback = fallback
    }

    /// The first of `guids` that names a known user.
    mutating func name(_ guids: String?...) -> String {
        for guid in guids.compactMap({ $0 }) {
            if let name = names[StableGUID.normalized(guid)] { return name }
        }
        fallbackUses += 1
        return fallback
    }
}
