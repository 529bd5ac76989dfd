import FieldworkCore
import FieldworkServices
import Foundation
import Testing

/// A server checks `corpus/access.yaml` on every request through one `AccessPolicyReader`: an
/// edit, even a second one of the same size right after the first, must apply to the next
/// request, and a settled file is not parsed again.
@Suite struct AccessPolicyReaderTests {
    @Test func everyEditAppliesAtOnceAndASettledFileIsReadOnce() throws {
        let workspace = try TemporaryWorkspace()
        let reader = AccessPolicyReader(workspace: Workspace(root: workspace.root))
        let url = workspace.root.appending(path: AccessPolicyFile.relativePath)
        #expect(try reader.current() == .open)

        try workspace.write(AccessPolicyFile.relativePath, "restricted:\n  - participant: R01\n    coders: [Anna]\n")
        #expect(try reader.current().restrictions.map(\.coders) == [["Anna"]])
        // The same size, at once: within the file system's timestamp granularity.
        try workspace.write(AccessPolicyFile.relativePath, "restricted:\n  - participant: R01\n    coders: [Bert]\n")
        #expect(try reader.current().restrictions.map(\.coders) == [["Bert"]])

        // Settled (modified an hour ago): read once, then taken from the cache while unchanged;
        // a bad edit with the old time but a new size is noticed and refused with its line.
        let hourAgo = Date(timeIntervalSinceNow: -3600)
        try FileManager.default.setAttributes([.modificationDate: hourAgo], ofItemAtPath: url.path)
        #expect(try reader.current().restrictions.map(\.coders) == [["Bert"]])
        #expect(try reader.current().restrictions.map(\.coders) == [["Bert"]])
        try workspace.write(AccessPolicyFile.relativePath, "restricted:\n  - document_type: diary\n    coders: [Bert]\n")
        try FileManager.default.setAttributes([.modificationDate: hourAgo], ofItemAtPath: url.path)
        #expect(throws: SourceProblems.self) { try reader.current() }

        try workspace.remove(AccessPolicyFile.relativePath)
        #expect(try reader.current() == .open)
    }
}
