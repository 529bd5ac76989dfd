import FieldworkCore
import Foundation

/// The coders `/agreement` and `/disagreements` compare, as checkboxes: by default everyone with
/// a coding but the consensus coder, so one newcomer's three test codings narrowed the units to
/// the one document everyone had coded and moved κ with no way on the page to leave them out.
struct AgreementCodersForm {
    /// Everyone with a live coding (the store's `coders()`).
    let coders: [String]
    /// Those the numbers below compare.
    let compared: [String]
    let action: String
    let t: Localizer

    func body() -> SafeHTML {
        guard coders.count > 1 else { return SafeHTML() }
        var html: SafeHTML = "<form class=\"filters\" method=\"get\" action=\"\(action)\">"
            + "<fieldset class=\"attribute-columns\"><legend>\(t.html("agreement.chooseCoders"))</legend>"
        for coder in coders {
            html += "<label><input type=\"checkbox\" name=\"coders\" value=\"\(coder)\"\(if: compared.contains(coder), " checked")> \(coder)</label>"
        }
        return html + "</fieldset><button type=\"submit\">\(t.html("action.show"))</button></form>"
    }
}
