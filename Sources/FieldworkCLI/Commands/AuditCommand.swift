import ArgumentParser
import FieldworkCore
import FieldworkServices

/// `fieldwork audit [--json] [--verify]`: the audit log, and whether it is intact.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "The audit log: exports, imports, ingests, erasures, consent changes, codebook edits — who and when.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: OutputOptions

    @Flag(help: "Check the hash chain: exit 1 naming each changed, removed or inserted line.")
    var verify = false

    @Flag(help: "A read-only server's own log (audit/standby.jsonl: its logins, logouts and exports) instead of the workspace's.")
    var standby = false

    func run() async throws {
        let context = try workspace.open()
        // The standby's log needs no database: its head is kept beside it.
        let log = standby ? AuditLog.standby(context.workspace) : context.audit
        if verify {
            let result = try await log.verify()
            if output.json {
                try JSONOutput.print(AuditVerificationDTO(entries: result.entries, intact: result.intact, problems: result.problems))
            } else if result.intact {
                print("\(log.path): \(result.entries) entries, intact")
            } else {
                result.problems.forEach { printError($0) }
            }
            if !result.intact { throw ExitCode.failure }
            return
        }
        let entries = try await log.entries()
        if output.json {
            try JSONOutput.print(entries)
            return
        }
        if entries.isEmpty { print("no audit entries yet (\(log.path))") }
        for entry in entries {
            let details = entry.details.sorted { $0.key < $1.key }.filter { !$0.value.isEmpty }.map { "\($0.key)=\($0.value)" }
            print("\(entry.seq)\t\(entry.at)\t\(entry.by)\t\(entry.action.rawValue)\t\(details.joined(separator: " "))")
        }
    }
}

struct AuditVerificationDTO: Encodable {
    var entries: Int
    var intact: Bool
    var problems: [String]
}
