import FieldworkCore

/// The memos the person acting may see (`Acting`), through the consent rule's access check
/// (`ConsentRule.memo(onDocumentOf:type:)`): memos on documents restricted to other coders are
/// left out and counted by reason, never named. Every view and export of memos goes through here.
///
/// The check needs the acting coder's access rule and each document's participants and type,
/// never the register: it reads no participants.
public struct VisibleMemos: Sendable {
    public var memos: [Memo]
    public var withheld = WithheldCount()

    public static func of(_ memos: [Memo], in store: any FieldworkStore) async throws -> VisibleMemos {
        let rule = ConsentRule.today([])
        guard rule.access != nil, memos.contains(where: { $0.target == .document }) else { return VisibleMemos(memos: memos) }
        let documents = Dictionary(try await store.documents().map { ($0.metadata.id, $0.metadata) }, uniquingKeysWith: { first, _ in first })
        return of(memos, rule: rule) { documents[$0] }
    }

    /// The memos of one document's page, whose metadata the page has already read.
    public static func of(_ memos: [Memo], onDocument document: DocumentMetadata) -> VisibleMemos {
        of(memos, rule: ConsentRule.today([])) { $0 == document.id ? document : nil }
    }

    private static func of(_ memos: [Memo], rule: ConsentRule, document: (String) -> DocumentMetadata?) -> VisibleMemos {
        guard rule.access != nil else { return VisibleMemos(memos: memos) }
        var visible = VisibleMemos(memos: [])
        for memo in memos {
            if memo.target == .document, let document = document(memo.targetID),
               case .withheld(let reason) = rule.memo(onDocumentOf: document.participants, type: document.type) {
                visible.withheld.add(reason)
            } else {
                visible.memos.append(memo)
            }
        }
        return visible
    }
}
