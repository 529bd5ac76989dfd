import FieldworkCore
import Yams

/// Turns a change of the codebook (codes before → codes after) into line edits of the files it
/// touches, with `CodebookTextPatch`: codes that left a file or changed parent are cut out
/// (comments inside travel with them), codes that arrived are appended under their parent
/// (moved ones as their original lines, new ones rendered), and changed fields are set in place.
/// A file whose patched text does not parse to exactly its intended codes is left out of the
/// result, for the caller to write canonically.
struct CodebookTextUpdate {
    let before: [Code]
    let after: Codebook

    /// Patched texts by file, for the files among `texts` where patching gave the intended codes.
    func patch(_ texts: [String: String]) -> [String: String] {
        let old = Dictionary(before.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var patches = Dictionary(uniqueKeysWithValues: texts.map { ($0.key, CodebookTextPatch(text: $0.value, file: $0.key)) })
        var failed: Set<String> = []

        // 1. Cut codes that leave their place, topmost only (children travel inside the block).
        var blocks: [String: [String]] = [:]
        let leaving = Set(before.filter { code in
            guard let new = after[code.id] else { return true }
            return new.parentID != code.parentID || new.source?.file != code.source?.file
        }.map(\.id))
        for code in before where leaving.contains(code.id) && !(code.parentID.map(leaving.contains) ?? false) {
            guard let file = code.source?.file, patches[file] != nil else { continue }
            if let block = patches[file]!.cut(code.id) { blocks[code.id] = block } else { failed.insert(file) }
        }

        // 2. Append codes that arrive, parents before children, each as the last of its siblings.
        let arriving = after.codes.filter { code in old[code.id].map { leaving.contains($0.id) } ?? true }
        let arrivingIDs = Set(arriving.map(\.id))
        for code in arriving.sorted(by: { depth(of: $0) < depth(of: $1) }) where !(code.parentID.map(arrivingIDs.contains) ?? false) {
            guard let file = code.source?.file, patches[file] != nil else { continue }
            let block = blocks[code.id] ?? CodebookWriter.item(for: code, in: after)
            var ok = patches[file]!.append(block, under: code.parentID)
            // A moved code may have inherited its kind from its old parent: say it explicitly.
            if ok, blocks[code.id] != nil { ok = set("kind", of: code, in: &patches[file]!) }
            if !ok { failed.insert(file) }
        }

        // 3. Set changed fields, of moved codes too (they are in their new place by now).
        for code in after.codes {
            guard let previous = old[code.id], let file = code.source?.file,
                  patches[file] != nil else { continue }
            for key in ["name", "kind", "description", "include", "exclude", "examples", "color", "formerly"]
            where CodebookWriter.value(of: key, in: previous) != CodebookWriter.value(of: key, in: code) {
                if !set(key, of: code, in: &patches[file]!) { failed.insert(file) }
            }
        }

        var result: [String: String] = [:]
        for (file, patch) in patches where !failed.contains(file) {
            if patch.matches(after.codes.filter { $0.source?.file == file }) { result[file] = patch.text }
        }
        return result
    }

    private func set(_ key: String, of code: Code, in patch: inout CodebookTextPatch) -> Bool {
        let successors = Array(CodebookWriter.keyOrder.drop(while: { $0 != key }).dropFirst())
        return patch.set(key, of: code.id, to: CodebookWriter.value(of: key, in: code), before: successors)
    }

    private func depth(of code: Code) -> Int {
        var depth = 0
        var parent = code.parentID
        while let id = parent, depth < 64 {
            depth += 1
            parent = after[id]?.parentID
        }
        return depth
    }
}
