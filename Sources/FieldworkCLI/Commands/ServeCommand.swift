import ArgumentParser
import FieldworkCore
import FieldworkServices
import FieldworkWeb
import Foundation
import Hummingbird
import Logging

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Ingest, then serve the coding workbench on localhost; prints the address with its access token.",
        discussion: "Ctrl-C stops the server cleanly. The token is new for every run; sessions end with the server.")

    @OptionGroup var workspace: WorkspaceOptions

    @Option(help: "Port to listen on (0 picks a free one).")
    var port = 8470

    @Option(help: "Address to bind. Anything but loopback exposes transcripts to the network.")
    var host = "127.0.0.1"

    @Option(name: .customLong("allowed-host"),
            help: ArgumentHelp("A host name your TLS reverse proxy serves the workbench under (repeatable; also `server.allowed_hosts` in fieldwork.yaml). Required to bind anything but loopback.",
                               valueName: "NAME[:PORT]"))
    var allowedHosts: [String] = []

    @Option(help: ArgumentHelp("Server log level on stderr: trace, debug, info (every request), notice, warning, error (every 500 with its cause), critical.",
                               valueName: "LEVEL"))
    var logLevel = "notice"

    @Flag(name: .customLong("read-only"),
          help: "Serve reading only: every change is refused, nothing is ingested, and logins and exports go to audit/standby.jsonl. Automatic on a PostgreSQL hot standby.")
    var readOnly = false

    @Option(help: ArgumentHelp("The primary server's address, named on a read-only server's pages and in its refusals.",
                               valueName: "URL"))
    var primary: String?

    func validate() throws {
        if let primary, !(primary.hasPrefix("https://") || primary.hasPrefix("http://")) {
            throw ValidationError("--primary must be an http:// or https:// address")
        }
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level must be one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        for host in allowedHosts {
            if let problem = HostPolicy.problem(withProxiedHost: host) { throw ValidationError("--allowed-host: \(problem)") }
        }
    }

    /// The proxied names from the options and `fieldwork.yaml`; binding beyond loopback needs one.
    private func proxiedHosts(_ context: FieldworkContext, loopback: Bool) throws -> [String] {
        let configured = try context.workspace.settings().allowedHosts
        for host in configured {
            if let problem = HostPolicy.problem(withProxiedHost: host) {
                printError("Error: \(WorkspaceSettings.fileName): server.allowed_hosts: \(problem)")
                throw ExitCode.failure
            }
        }
        let hosts = allowedHosts + configured
        if !loopback && hosts.isEmpty {
            printError("Error: binding to \(host) exposes transcripts beyond this machine; serve them only through a "
                       + "reverse proxy that terminates TLS, and name the host it serves with --allowed-host NAME "
                       + "(or server.allowed_hosts in \(WorkspaceSettings.fileName)); see the README, \"Team server behind a reverse proxy\"")
            throw ExitCode.failure
        }
        return hosts
    }

    func run() async throws {
        let context = try workspace.open(serving: true)
        // Checked before anything is ingested or bound: a server beyond loopback needs its proxy's names.
        let proxied = try proxiedHosts(context, loopback: WebServerConfiguration(host: host).isLoopback)
        // Held while serving: `fieldwork erase` refuses meanwhile (the server holds codings in memory).
        let lock: ServerLock
        do {
            lock = try ServerLock.serving(context.workspace)
        } catch let error as ServerLockError {
            printError("Error: \(error)")
            throw ExitCode.failure
        }
        defer { withExtendedLifetime(lock) {} }
        // A hot standby takes no writes: it is served read-only whether asked or not (its schema
        // is checked here, never migrated).
        let readOnly: ReadOnlyServing? = try await context.store.isReadOnlyReplica() ? ReadOnlyServing(.standby, primary: primary)
            : self.readOnly ? ReadOnlyServing(.requested, primary: primary) : nil
        // One server writes the workspace: a second would write the same codings files (and the
        // lock's note, so refusals named it after it had gone). Read-only servers may run beside it.
        let writer: ServerLock?
        do {
            writer = readOnly == nil ? try ServerLock.writing(context.workspace) : nil
        } catch let error as ServerLockError {
            printError("Error: \(error)")
            throw ExitCode.failure
        }
        defer { withExtendedLifetime(writer) {} }
        if let readOnly {
            // Nothing is ingested: that writes the database; the primary's server ingests.
            let what = readOnly.reason == .standby ? "The store is a read-only hot standby" : "Read-only (--read-only)"
            FileHandle.standardOutput.write(Data(("\(what): serving reading only; changes are refused, nothing is ingested, "
                + "and logins, logouts and exports are recorded in \(AuditLog.standbyPath).\n").utf8))
        } else {
            let summary = try await context.ingest.ingest()
            // Unbuffered, so it appears before the address on a pipe (see below).
            let report = IngestSummaryDTO(summary)
            report.problems.forEach { printError("Error: \($0)") }
            FileHandle.standardOutput.write(Data(report.summaryLines.map { $0 + "\n" }.joined().utf8))
        }
        // A workspace with accounts is served in team mode: login and roles instead of the token.
        let team = try await context.accounts.teamMode() ? TeamAccess(tlsProxy: !proxied.isEmpty) : nil
        let configuration = {
            var configuration = WebServerConfiguration(host: host, port: port, logLevel: Logger.Level(rawValue: logLevel) ?? .notice)
            configuration.maxConnections = OpenFileLimit.raiseForServing()
            configuration.team = team
            configuration.readOnly = readOnly
            // Colleagues' codings files (git pull, a file share) appear without a restart; not
            // on a read-only server, which takes in nothing.
            configuration.watchesCodingsFiles = readOnly == nil
            configuration.proxiedHosts = proxied
            return configuration
        }()
        if !configuration.isLoopback {
            printError("warning: binding to \(host) makes the workbench reachable from other machines; "
                       + "transcripts hold sensitive personal data. Let only your TLS reverse proxy reach this port.")
        }
        let app = try buildApplication(context: context, configuration: configuration) { port in
            let address = host.contains(":") ? "[\(host)]" : host
            let note = "pid \(ProcessInfo.processInfo.processIdentifier), http://\(address):\(port)/"
            lock.describe(note)
            writer?.describe(note)
            // Written unbuffered: scripts and tests wait for this line on a pipe.
            let open = team == nil
                ? "Open: http://\(address):\(port)/?token=\(configuration.token.value)\n"
                    + configuration.proxiedHosts.map { "Through your proxy: https://\($0)/?token=\(configuration.token.value)\n" }.joined()
                : "Team mode (accounts): log in at http://\(address):\(port)/login\n"
                    + configuration.proxiedHosts.map { "Through your proxy: https://\($0)/login\n" }.joined()
            let lines = "Fieldwork is serving \(context.workspace.root.path)\n" + open
                + "Press Ctrl-C to stop.\n"
            FileHandle.standardOutput.write(Data(lines.utf8))
        }
        do {
            try await app.runService()
        } catch {
            if readOnly == nil { await context.ledger.finish(from: context.store) }
            throw error
        }
        // Stopped (Ctrl-C, SIGTERM): what changed is written, and the files the server appended to
        // are put back in canonical form (a read-only server changed nothing).
        if readOnly == nil { await context.ledger.finish(from: context.store) }
    }
}
