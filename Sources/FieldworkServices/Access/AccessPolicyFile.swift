import FieldworkCore
import Foundation
import Yams

/// Reads `corpus/access.yaml`, the workspace's restrictions:
///
/// ```yaml
/// restricted:
///   - document_type: policy-lab
///     coders: [Anna, Bo]
///   - participant: R07
///     coders: [Anna]
/// ```
///
/// No file: nothing is restricted. A file with a problem is an error naming its line, never
/// an open policy.
public enum AccessPolicyFile {
    public static let relativePath = "corpus/access.yaml"

    public static func load(_ workspace: Workspace) throws -> AccessPolicy {
        let url = workspace.root.appending(path: relativePath)
        guard FileManager.default.fileExists(atPath: url.path) else { return .open }
        return try parse(try SourceText.read(url, path: relativePath))
    }

    static func parse(_ source: SourceText) throws -> AccessPolicy {
        var reader = YAMLReader(file: source.path)
        guard let root = reader.compose(source.text) else { throw SourceProblems(reader.problems) }
        var restrictions: [AccessPolicy.Restriction] = []
        let top = reader.mapping(root, allowed: ["restricted"], what: "access.yaml") ?? [:]
        switch top["restricted"] {
        case .sequence(let items)?:
            for item in items {
                guard let entries = reader.mapping(item, allowed: ["document_type", "participant", "coders"], what: "a restriction") else { continue }
                let type = reader.string(entries, "document_type", in: item)
                let participant = reader.string(entries, "participant", in: item)
                let coders = reader.strings(entries, "coders").map(\.value)
                var target: AccessPolicy.Target?
                switch (type, participant) {
                case (let type?, nil):
                    if let documentType = DocumentType(rawValue: type) { target = .documentType(documentType) } else {
                        reader.report(entries["document_type"], "unknown document type '\(type)' (interview, workshop, policy-lab, note)")
                    }
                case (nil, let participant?):
                    target = .participant(participant)
                default:
                    reader.report(item, "a restriction names either a document_type or a participant")
                }
                if coders.isEmpty { reader.report(item, "a restriction needs 'coders': the names who may see the material") }
                if let target, !coders.isEmpty { restrictions.append(.init(target: target, coders: coders)) }
            }
        case let other?:
            if !other.isNull { reader.report(other, "'restricted' must be a list") }
        case nil:
            break
        }
        guard reader.problems.isEmpty else { throw SourceProblems(reader.problems) }
        return AccessPolicy(restrictions: restrictions)
    }
}
