import FieldworkCore
import Foundation

/// Maps the codes of an imported codebook onto ours, and plans the codes that are new.
///
/// A code is the same code when it carries the GUID we gave it in an export (directly, or the
/// GUID of an id it now lists under `formerly`), else when a code under the same parent has
/// its name, else when exactly one code anywhere has its name (tools flatten or regroup
/// trees). Anything else is a new code, placed under its parent's counterpart, with the id a
/// Fieldwork export carried in its description when that id is free (so a codebook keeps its ids
/// through a project), else an id made from its name. Existing codes are never changed: our YAML
/// stays the source of truth.
struct CodeMapper {
    struct Result: Sendable {
        /// Normalised GUID of an imported code → our code id.
        var ids: [String: String] = [:]
        /// Codes to add, parents before children.
        var newCodes: [Code] = []
        var matched = 0
        /// `Name → id` for each code matched by its name rather than a GUID we gave it.
        var matchedByName: [String] = []
        /// Code folders (`isCodable="false"`) that became no code, with what happened to their children.
        var folders: [String] = []
        /// Normalised GUIDs of those folders: codings that refer to one are reported as such.
        var folderGUIDs: Set<String> = []
        var problems: [ImportReport.Problem] = []
    }

    private var byGUID: [String: String] = [:]
    private var codes: [Code]
    /// Ids no new code may take: existing ids and every `formerly` id.
    private var takenIDs: Set<String>
    private var result = Result()

    init(_ codebook: Codebook) {
        codes = codebook.codes
        takenIDs = Set(codebook.codes.flatMap { [$0.id] + $0.formerly })
        for code in codebook.codes {
            byGUID[StableGUID.make(.code, code.id)] = code.id
            for old in code.formerly { byGUID[StableGUID.make(.code, old)] = code.id }
        }
    }

    static func map(_ imported: [REFI.Code], into codebook: Codebook) -> Result {
        var mapper = CodeMapper(codebook)
        for code in imported { mapper.map(code, parent: nil, inheritedKind: nil) }
        return mapper.result
    }

    private mutating func map(_ imported: REFI.Code, parent: String?, inheritedKind: CodeKind?) {
        let name = (imported.name ?? "").trimmingSpaces
        guard let guid = imported.guid.map(StableGUID.normalized), !guid.isEmpty, !name.isEmpty else {
            result.problems.append(.init(item: "code \(imported.name ?? imported.guid ?? "?")",
                                         reason: "it has no guid or no name; it and its codings are skipped"))
            return
        }
        let id: String
        let byName = (result.ids[guid] ?? byGUID[guid]) == nil ? sibling(named: name, under: parent) ?? uniquelyNamed(name) : nil
        if let known = result.ids[guid] ?? byGUID[guid] ?? byName {
            id = known
            result.matched += 1
            if byName != nil { result.matchedByName.append("\(name) → \(known)") }
        } else if imported.isCodable?.trimmingSpaces.lowercased() == "false" {
            // A folder (NVivo, MAXQDA): nothing can be coded with it, so it becomes no code; its
            // codes go where it stood. Codings that refer to it are reported, not imported.
            let children = imported.children ?? []
            result.folderGUIDs.insert(guid)
            result.folders.append("\(name): not codable (isCodable=\"false\"), so not a code; "
                + (children.isEmpty ? "it holds no codes" : "its \(EnglishCount.of(children.count, "code")) placed "
                   + (parent.map { "under \($0)" } ?? "at the top level")))
            for child in children { map(child, parent: parent, inheritedKind: inheritedKind) }
            return
        } else {
            let details = imported.description.map(CodeDescription.init(parsing:)) ?? CodeDescription()
            let kind = details.kind ?? inheritedKind ?? parent.flatMap { p in codes.first { $0.id == p }?.kind } ?? .other
            let carried = details.id.flatMap { takenIDs.contains($0) ? nil : $0 }
            var new = Code(id: carried ?? newID(for: name, under: parent), name: name, kind: kind, description: details.description,
                           include: details.include, exclude: details.exclude, examples: details.examples,
                           color: imported.color.flatMap(Code.normalizedColor), parentID: parent)
            new.questions = details.questions
            new.translations = details.translations
            // Renamed in another tool: the one new name replaces the languages' (the codebook would
            // otherwise read the first language's old name back as the code's name).
            if !new.translations.values.contains(where: { $0.name == name }) {
                for language in new.translations.keys { new.translations[language]!.name = nil }
                new.translations = new.translations.filter { $0.value != CodeTranslation() }
            }
            codes.append(new)
            takenIDs.insert(new.id)
            result.newCodes.append(new)
            id = new.id
        }
        result.ids[guid] = id
        let kind = codes.first { $0.id == id }?.kind
        for child in imported.children ?? [] { map(child, parent: id, inheritedKind: kind) }
    }

    private func sibling(named name: String, under parent: String?) -> String? {
        codes.first { $0.parentID == parent && Self.sameName($0.name, name) }?.id
    }

    private func uniquelyNamed(_ name: String) -> String? {
        let matches = codes.filter { Self.sameName($0.name, name) }
        return matches.count == 1 ? matches[0].id : nil
    }

    static func sameName(_ lhs: String, _ rhs: String) -> Bool {
        lhs.trimmingSpaces.precomposedStringWithCanonicalMapping.lowercased()
            == rhs.trimmingSpaces.precomposedStringWithCanonicalMapping.lowercased()
    }

    /// `parent.slug`, the slug from the name (letters folded to ASCII), made unique with `-2`, `-3`…
    private func newID(for name: String, under parent: String?) -> String {
        var slug = ""
        for scalar in name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en")).unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, !slug.hasSuffix("_") {
                slug += "_"
            }
        }
        while slug.hasSuffix("_") { slug.removeLast() }
        if slug.isEmpty { slug = "code" }
        let base = (parent.map { $0 + "." } ?? "") + slug
        var candidate = base
        var counter = 2
        while takenIDs.contains(candidate) {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        return candidate
    }
}
