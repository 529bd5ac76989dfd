import FieldworkCore
import FieldworkServices
import Foundation
import Testing

/// The server checks `corpus/access.yaml` on every request: an edit applies at once, even one
/// that keeps the file's size and is made within the same second.
@Suite struct AccessPolicyReaderTests {
    @Test func everyEditAppliesAtOnceAndABrokenFileAlwaysSaysSo() async throws {
        let workspace = try await TemporaryWorkspace()
        let reader = AccessPolicyReader(workspace: workspace.context.workspace)
        #expect(try reader.current() == .open)

        try workspace.write("corpus/access.yaml", "restricted:\n  - participant: R14\n    coders: [Anna]\n")
        #expect(try reader.current().restrictions == [.init(target: .participant("R14"), coders: ["Anna"])])
        // The same size, at once: another coder.
        try workspace.write("corpus/access.yaml", "restricted:\n  - participant: R14\n    coders: [Bo_a]\n")
        #expect(try reader.current().restrictions == [.init(target: .participant("R14"), coders: ["Bo_a"])])
        #expect(try reader.current().restrictions == [.init(target: .participant("R14"), coders: ["Bo_a"])])

        try workspace.write("corpus/access.yaml", "restricted:\n  - participant: R14\n    coders: [Anna\n")
        #expect(throws: (any Error).self) { try reader.current() }
        #expect(throws: (any Error).self) { try reader.current() }
        try workspace.remove("corpus/access.yaml")
        #expect(try reader.current() == .open)
    }
}
