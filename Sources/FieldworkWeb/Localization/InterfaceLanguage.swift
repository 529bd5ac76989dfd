import Foundation

/// The languages the browser interface speaks. Each has a message catalogue,
/// `Static/messages.<code>.json`, with exactly the same keys.
public enum InterfaceLanguage: String, CaseIterable, Sendable {
    case en, sv

    /// The language's own name, for the switch (a reader of the other language must find it).
    var nativeName: String {
        switch self {
        case .en: "English"
        case .sv: "Svenska"
        }
    }

    /// The first of our languages an `Accept-Language` header asks for, by weight then order
    /// (`sv-SE,sv;q=0.9,en;q=0.8` is Swedish; `de, en;q=0.5` is English; `de` is none).
    static func preferred(acceptLanguage header: String) -> InterfaceLanguage? {
        var choices: [(language: InterfaceLanguage, weight: Double, order: Int)] = []
        for (order, item) in header.split(separator: ",").enumerated() {
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = parts.first?.lowercased(), !tag.isEmpty else { continue }
            let primary = String(tag.split(separator: "-").first ?? "")
            // Norwegian and Danish readers understand Swedish better than English.
            let language = InterfaceLanguage(rawValue: primary) ?? (["nb", "nn", "no", "da"].contains(primary) ? .sv : nil)
            guard let language else { continue }
            var weight = 1.0
            for parameter in parts.dropFirst() where parameter.hasPrefix("q=") {
                weight = Double(parameter.dropFirst(2)) ?? 0
            }
            if weight > 0 { choices.append((language, weight, order)) }
        }
        return choices.min { ($0.weight, -$0.order) > ($1.weight, -$1.order) }?.language
    }

    /// The language of one request: the browser's own choice (the switch's cookie), else its
    /// `Accept-Language`, else the workspace's default.
    static func of(cookie: String?, acceptLanguage: String?, workspaceDefault: InterfaceLanguage) -> InterfaceLanguage {
        if let cookie, let chosen = InterfaceLanguage(rawValue: cookie) { return chosen }
        if let header = acceptLanguage, let preferred = preferred(acceptLanguage: header) { return preferred }
        return workspaceDefault
    }
}
