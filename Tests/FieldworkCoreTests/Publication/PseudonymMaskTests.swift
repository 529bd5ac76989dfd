import FieldworkCore
import Testing

struct PseudonymMaskTests {
    @Test(arguments: [
        ("R05 betonade kostnaden.", "[…] betonade kostnaden."),
        ("Deltagare: S03, S04, R05.", "Deltagare: […], […], […]."),
        ("R050 och XR05 är inga id", "R050 och XR05 är inga id"),
        ("(R05)", "([…])"),
        ("Rådet R05:s förslag", "Rådet […]:s förslag"),
        ("ingen nämnd", "ingen nämnd"),
    ])
    func idsAreMaskedAsWholeWords(text: String, expected: String) {
        #expect(PseudonymMask(ids: ["R05", "S03", "S04"]).apply(text) == expected)
    }

    @Test func noIDsChangeNothing() {
        #expect(PseudonymMask(ids: []).apply("R05 sa") == "R05 sa")
    }
}
