import ArgumentParser
import FieldworkServices
import Foundation

/// `--workspace DIR`, shared by every command that works in a workspace.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The workspace folder.", valueName: "DIR"))
    var workspace: String = ProcessInfo.processInfo.environment["FIELDWORK_WORKSPACE"] ?? "."

    var url: URL { URL(fileURLWithPath: workspace, isDirectory: true) }

    /// Opens the workspace and its database; a folder that is not a workspace is a usage error.
    func open(serving: Bool = false) throws -> FieldworkContext {
        let workspace = Workspace(root: url)
        guard workspace.exists else {
            throw ValidationError("\(self.workspace) is not a Fieldwork workspace (no corpus/ or codebooks/); create one with `fieldwork init DIR`")
        }
        // Who this command acts as: the audit log's name and the access to restricted material.
        Acting.setProcess(Acting(coder: Acting.environmentCoder, access: try AccessPolicyFile.load(workspace)))
        return try FieldworkContext.open(workspace, serving: serving)
    }
}

/// `--json` for commands that can print machine-readable output.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON instead of a table.")
    var json = false
}
