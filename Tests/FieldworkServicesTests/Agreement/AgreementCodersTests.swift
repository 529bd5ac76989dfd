import FieldworkCore
import FieldworkServices
import Foundation
import Testing

/// Coders are named exactly; a name no coding carries is refused with the names there are,
/// where it used to give an empty comparison that looked like "no agreement data".
@Suite struct AgreementCodersTests {
    @Test func anUnknownCoderIsNamedWithTheCodersThereAre() async throws {
        let context = try await SampleStudy.open()
        defer { try? FileManager.default.removeItem(at: context.workspace.root) }
        await #expect { try await context.agreement.agreement(.init(coders: ["Anna", "Maja Lind", "Bo"])) } throws: { error in
            let text = "\(error)"
            // The one shape for a name that is not there (UnknownName), with the nearest coders.
            return text.hasPrefix("no coder 'Anna' with codings; did you mean ") && !text.contains("'Maja Lind'")
        }
        // A coder with codings elsewhere than the chosen documents is no mistake: the comparison is just empty there.
        let one = try #require(try await context.store.documents().first?.metadata.id)
        let other = try await context.agreement.agreement(.init(coders: ["Maja Lind", "Samira Haddad"], documents: [one]))
        #expect(other.coders == ["Maja Lind", "Samira Haddad"])
    }
}
