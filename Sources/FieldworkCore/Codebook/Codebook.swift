/// The shared codebook: every code of every codebook file, as a tree ordered as written.
public struct Codebook: Sendable, Hashable {
    public private(set) var codes: [Code]
    private var indexByID: [String: Int]

    public init(codes: [Code]) {
        self.codes = codes
        indexByID = Dictionary(codes.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public subscript(id: String) -> Code? { indexByID[id].map { codes[$0] } }

    public func contains(_ id: String) -> Bool { indexByID[id] != nil }

    public var roots: [Code] { children(of: nil) }

    public func children(of parentID: String?) -> [Code] {
        codes.filter { $0.parentID == parentID }.sorted { $0.position < $1.position }
    }

    /// The code and all codes below it, for "this code and its children" retrieval.
    public func subtree(of id: String) -> [String] {
        guard contains(id) else { return [] }
        var result = [id]
        var cursor = 0
        while cursor < result.count {
            result += children(of: result[cursor]).map(\.id)
            cursor += 1
        }
        return result
    }

    /// Old ids mapped to the code that now carries their codings (`formerly`).
    public var remappedIDs: [String: String] {
        var map: [String: String] = [:]
        for code in codes {
            for old in code.formerly where !contains(old) { map[old] = code.id }
        }
        return map
    }
}

extension Codebook {
    /// How many ancestors a code has (0 for a root).
    public func depth(of id: String) -> Int {
        var depth = 0
        var current = self[id]?.parentID
        while let parent = current, depth < codes.count {
            depth += 1
            current = self[parent]?.parentID
        }
        return depth
    }
}
