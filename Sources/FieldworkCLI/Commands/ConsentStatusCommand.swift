import ArgumentParser
import FieldworkCore
import FieldworkServices

struct ConsentStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Per participant: consent state, scopes in force, retention dates; retention dates past due listed.",
        discussion: "Reads the register as last ingested (run `fieldwork ingest` after editing participants.yaml).")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let status = try await ConsentStatusOutput.today(store: workspace.open().store)
        if output.json {
            try JSONOutput.print(status)
            return
        }
        TableOutput.print(["participant", "role", "state", "scopes", "retain until", "last event"], status.participants.map { person in
            let devices = person.telemetryDevices.isEmpty ? "" : " (telemetry: \(person.telemetryDevices.joined(separator: ", ")))"
            // Joined only where both are there: nothing in force began the cell with "; ended:".
            let inForce = person.scopes.isEmpty ? "" : person.scopes.joined(separator: ", ") + devices
            let ended = person.ended.isEmpty ? "" : "ended: \(person.ended.joined(separator: ", "))"
            return [person.participant, person.role, person.state, [inForce, ended].filter { !$0.isEmpty }.joined(separator: "; "),
                    person.retainUntil.joined(separator: ", "), person.lastEvent ?? ""]
        })
        print("")
        if status.retentionPastDue.isEmpty {
            print("retention: nothing past due on \(status.date)")
        } else {
            print("retention past due on \(status.date):")
            for item in status.retentionPastDue {
                print("  \(item.participant)  \(item.consent)  retain until \(item.retainUntil)")
            }
        }
    }
}
