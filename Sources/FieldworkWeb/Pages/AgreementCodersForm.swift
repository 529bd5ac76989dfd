import FieldworkCore
import Foundation

/// The coders `/agreement` and `/disagreements` compare, as checkboxes: by default everyone with
/// a coding but the consensus coder and the coders set aside (`DefaultComparedCoders`), who are
/// named under the boxes: one newcomer's three test codings had narrowed the units to the one
/// document everyone had coded and moved κ.
struct AgreementCodersForm {
    /// Everyone with a live coding (the store's `coders()`).
    let coders: [String]
    /// Those the numbers below compare.
    let compared: [String]
    /// Coders left out of the default comparison, said so under the boxes.
    var setAside: [String] = []
    let action: String
    let t: Localizer

    func body() -> SafeHTML {
        guard coders.count > 1 else { return SafeHTML() }
        var html: SafeHTML = "<form class=\"filters\" method=\"get\" action=\"\(action)\">"
            + "<fieldset class=\"attribute-columns\"><legend>\(t.html("agreement.chooseCoders"))</legend>"
        for coder in coders {
            html += "<label><input type=\"checkbox\" name=\"coders\" value=\"\(coder)\"\(if: compared.contains(coder), " checked")> \(coder)</label>"
        }
        html += "</fieldset><button type=\"submit\">\(t.html("action.show"))</button></form>"
        guard !setAside.isEmpty else { return html }
        return html + "<p class=\"hint\">\(t.html("agreement.setAside", ["coders": setAside.joined(separator: ", ")]))</p>"
    }
}
