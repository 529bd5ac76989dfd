import Foundation

/// Looks up the interface's texts in one language: `t("nav.codebook")`,
/// `t("documents.shown", ["shown": "3", "total": "11"])`, `t.count("document.orphans", 2)`.
/// A key missing from the catalogue shows as itself (a test keeps that from happening).
struct Localizer: Sendable {
    let language: InterfaceLanguage
    private let table: [String: String]
    private let escaped: [String: SafeHTML]

    init(_ language: InterfaceLanguage, catalogue: MessageCatalogue = .bundled) {
        self.language = language
        table = catalogue.tables[language] ?? [:]
        escaped = catalogue.escaped[language] ?? [:]
    }

    /// Plain text (interpolate it into `SafeHTML`, which escapes it, or use `html`).
    func callAsFunction(_ key: String, _ values: [String: String] = [:]) -> String {
        Self.fill(table[key] ?? key, values)
    }

    /// Whether the catalogue has `key` (for texts that exist only for some cases, such as error codes).
    func has(_ key: String) -> Bool { table[key] != nil }

    /// A counted text: the key's `.one` or `.other` form, with `{count}` filled in.
    func count(_ key: String, _ count: Int, _ values: [String: String] = [:]) -> String {
        var values = values
        values["count"] = String(count)
        return self(key + (count == 1 ? ".one" : ".other"), values)
    }

    /// HTML: the message and its `values` as escaped text; `raw` values (markup the page builds
    /// itself, such as `<kbd>C</kbd>`) inserted as they are.
    func html(_ key: String, _ values: [String: String] = [:], raw: [String: SafeHTML] = [:]) -> SafeHTML {
        // Without values a fill only escapes the template (a placeholder stays as written).
        if values.isEmpty, raw.isEmpty { return escaped[key] ?? SafeHTML(text: key) }
        return Self.fill(table[key] ?? key, values, raw)
    }

    /// A codebook text given per language (`name: {sv: …, en: …}`) in this language.
    func pick(_ texts: [String: String], fallback: String) -> String {
        texts[language.rawValue] ?? fallback
    }

    /// The template as text with each `{name}` replaced: a text value escaped, markup as it is;
    /// a placeholder with no value stays as written.
    private static func fill(_ template: String, _ values: [String: String], _ markup: [String: SafeHTML]) -> SafeHTML {
        var result = SafeHTML()
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(where: { $0 == "}" || $0 == "{" }), rest[close] == "}" else {
                result += SafeHTML(text: String(rest[..<afterOpen]))
                rest = rest[afterOpen...]
                continue
            }
            let name = String(rest[afterOpen..<close])
            if let value = values[name] {
                result += SafeHTML(text: String(rest[..<open])) + SafeHTML(text: value)
            } else if let value = markup[name] {
                result += SafeHTML(text: String(rest[..<open])) + value
            } else {
                result += SafeHTML(text: String(rest[...close]))
            }
            rest = rest[rest.index(after: close)...]
        }
        return result + SafeHTML(text: String(rest))
    }

    private static func fill(_ template: String, _ values: [String: String]) -> String {
        guard !values.isEmpty, template.contains("{") else { return template }
        var result = template
        for (name, value) in values {
            result = result.replacingOccurrences(of: "{\(name)}", with: value)
        }
        return result
    }
}

import FieldworkCore

extension Localizer {
    /// An administration's name in the interface language.
    /// A statistic with three decimals and the language's decimal mark (`0,143` in Swedish): the
    /// agreement and co-occurrence pages alike (co-occurrence said `0.143` on a Swedish page).
    func decimal(_ value: Double) -> String {
        let text = String(format: "%.3f", value)
        return language == .sv ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    func administration(_ administration: Administration) -> String { self("administration.\(administration.rawValue)") }

    /// How far a need's link to a solution got, in the interface language.
    func linkStatus(_ status: NeedSolutionLink.Status) -> String { self("link.status.\(status.rawValue)") }

    /// A solution's cost or competence in the interface language (`Solution.value`).
    func catalogueValue(_ text: String) -> String { Solution.value(text, nothing: self("solutions.none")) }

    /// A document type's name in the interface language.
    func documentType(_ type: DocumentType) -> String { self("doctype.\(type.rawValue)") }

    /// A document's language code as a name in the interface language (`sv` → "Swedish", "svenska");
    /// a code the catalogue has no name for is shown as given.
    func languageName(_ code: String) -> String {
        let key = "language.\(code.lowercased())"
        return has(key) ? self(key) : code
    }

    /// A participant role's name in the interface language (`resident` → "boende").
    func role(_ role: ParticipantRole) -> String { self("role.\(role.rawValue)") }

    /// "3 residents (R01, R03, R06) · 1 relative (R11)" in the interface language; empty roles left out.
    func people(_ people: PeopleByRole) -> String {
        [("resident", people.residents), ("relative", people.relatives), ("staff", people.staff), ("other", people.others)]
            .filter { !$0.1.isEmpty }
            .map { count("people.\($0.0)", $0.1.count, ["ids": $0.1.joined(separator: ", ")]) }
            .joined(separator: " · ")
    }

    /// Nothing compared: no document was coded by every one of `coders` (the form above chooses them).
    func noneCompared(_ coders: [String]) -> SafeHTML {
        html("agreement.noneCompared", ["coders": coders.joined(separator: ", "), "choose": self("agreement.chooseCoders")])
    }

    /// The marker shown in place of withheld words: consent or access, and why.
    func withheld(_ reason: ConsentRule.Reason) -> String {
        let why = self("withheld.reason.\(reason)")
        return reason == .restricted ? self("withheld.access", ["reason": why]) : self("withheld.consent", ["reason": why])
    }

    /// "15 segments (consent withdrawn: 15)" in the interface language: what a view left out, of
    /// one unit (`withheld.unit.*`: codings, segments, passages, …), by reason — counts, never names.
    func withheldCount(_ total: Int, unit: String, byReason: [ConsentRule.Reason: Int]) -> String {
        let reasons = ConsentRule.Reason.allCases.compactMap { reason in byReason[reason].map { "\(self("withheld.reason.\(reason)")): \($0)" } }
        return count("withheld.unit.\(unit)", total) + " (" + reasons.joined(separator: ", ") + ")"
    }

    /// The heading of a note counting what a view left out: consent, access or both, as the
    /// reasons counted say (a restriction is no consent matter, and the note must not say so).
    func withheldHeading(_ reasons: Set<ConsentRule.Reason>) -> String {
        let access = reasons.contains(.restricted), consent = !reasons.subtracting([.restricted]).isEmpty
        return self(access && consent ? "withheld.heading.both" : access ? "withheld.heading.access" : "withheld.heading.consent")
    }
}
