import Foundation

/// Which coders may see restricted material (`corpus/access.yaml`): a document type, or a
/// participant's words, limited to named coders. Everyone else sees it withheld, as consent
/// withholds words (`ConsentRule.Reason.restricted`).
public struct AccessPolicy: Sendable, Hashable {
    public enum Target: Sendable, Hashable {
        case documentType(DocumentType)
        case participant(String)
    }

    public struct Restriction: Sendable, Hashable {
        public var target: Target
        public var coders: [String]

        public init(target: Target, coders: [String]) {
            self.target = target
            self.coders = coders
        }
    }

    public var restrictions: [Restriction]

    public init(restrictions: [Restriction] = []) {
        self.restrictions = restrictions
    }

    public static let open = AccessPolicy()

    /// The policy as it applies to one coder (nil: no coder name known, so no restricted material).
    public func rule(for coder: String?) -> AccessRule? {
        restrictions.isEmpty ? nil : AccessRule(policy: self, coder: coder)
    }
}

public struct AccessRule: Sendable, Hashable {
    public let policy: AccessPolicy
    public let coder: String?

    /// Whether the coder may see the words of `people` in a document of `type`. Names match
    /// without regard to case or surrounding spaces, as people type them.
    public func allows(people: [String], type: DocumentType) -> Bool {
        let me = coder.map(Self.fold)
        for restriction in policy.restrictions {
            let applies = switch restriction.target {
            case .documentType(let restricted): restricted == type
            case .participant(let id): people.contains(id)
            }
            if applies, !restriction.coders.contains(where: { Self.fold($0) == me }) { return false }
        }
        return true
    }

    /// Whether the coder may see a participant's register entry (a case with its attributes):
    /// only a restriction naming the participant hides it; document types restrict documents.
    public func allows(participant id: String) -> Bool {
        let me = coder.map(Self.fold)
        return policy.restrictions.allSatisfy { restriction in
            guard case .participant(id) = restriction.target else { return true }
            return restriction.coders.contains { Self.fold($0) == me }
        }
    }

    private static func fold(_ name: String) -> String {
        name.trimmingCharacters(in: .whitespaces).lowercased()
    }
}
