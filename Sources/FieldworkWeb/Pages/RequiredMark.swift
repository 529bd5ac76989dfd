import FieldworkCore

/// A required field's label marked so to the eye: "Rationale (required)". The field itself
/// carries `required` (and `aria-required`), which a screen reader says already, so the mark
/// is hidden from it rather than said twice.
enum RequiredMark {
    static func label(_ text: SafeHTML, t: Localizer) -> SafeHTML {
        // One span around both: in a form laid out in columns (`.filters`) they stay on one line.
        "<span>\(text) <span class=\"required-mark\" aria-hidden=\"true\">\(t.html("form.required"))</span></span>"
    }
}
