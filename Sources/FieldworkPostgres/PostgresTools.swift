import FieldworkProcess
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// PostgreSQL's own client programs (`pg_dump`, `pg_restore`, `psql` from Debian's
/// `postgresql-client`), run as child processes against the store's database. The connection
/// goes in the child's environment (`PGHOST`, `PGPASSWORD`, …), never on its command line, where
/// every user of the machine could read the password.
struct PostgresTools: Sendable {
    let target: PostgresURL.Target

    /// A program that failed, with its own first error line (quoted values left out: in a dump
    /// they may be transcript text).
    struct Failed: Error, CustomStringConvertible {
        let tool: String
        let message: String
        var description: String { "\(tool): \(message)" }
    }

    /// The program `name`: on PATH, else in the newest of Debian's /usr/lib/postgresql/*/bin.
    static func executable(_ name: String) throws -> URL {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? [])
            .sorted { (Int($0) ?? 0) > (Int($1) ?? 0) }.map { "/usr/lib/postgresql/\($0)/bin" }
        for folder in path.split(separator: ":").map(String.init) + versions
        where FileManager.default.isExecutableFile(atPath: folder + "/" + name) {
            return URL(fileURLWithPath: folder + "/" + name)
        }
        throw Failed(tool: name, message: "not found on PATH or in /usr/lib/postgresql/*/bin (install Debian's postgresql-client)")
    }

    /// The child's environment: this process's, with the store's connection in libpq's variables.
    var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["PGHOST"] = target.host
        environment["PGPORT"] = String(target.port)
        environment["PGUSER"] = target.user
        environment["PGDATABASE"] = target.database
        environment["PGSSLMODE"] = target.sslMode
        // Without a password in the URL, libpq reads PGPASSWORD (or ~/.pgpass) itself, as we do.
        if let password = target.password { environment["PGPASSWORD"] = password }
        return environment
    }

    /// Runs `tool` to its end on a thread of its own, so no thread of Swift's concurrency pool
    /// waits for it. `output` reads its standard output (discarded without one).
    func run(_ tool: String, _ arguments: [String], output: (@Sendable (FileHandle) throws -> Void)? = nil) async throws {
        let process = try child(tool, arguments)
        let out = Pipe()
        process.standardOutput = output == nil ? FileHandle.nullDevice : out
        let errors = StandardError(process)
        try await onOwnThread {
            try process.run()
            var readFailure: (any Error)?
            if let output {
                do { try output(out.fileHandleForReading) } catch { readFailure = error }
                // Whatever the reader left unread, so the child is not blocked on a full pipe.
                _ = try? out.fileHandleForReading.readToEnd()
            }
            process.waitUntilExit()
            try errors.check(tool, process)
            if let readFailure { throw readFailure }
        }
    }

    /// `pg_restore`'s SQL script of `dump`, run by `psql` in one transaction after `prefix`: the
    /// transaction commits only when `pg_restore` read the whole dump and every statement
    /// succeeded; otherwise `psql` is killed before its input ends, and the server rolls back.
    func restore(dump path: String, arguments: [String], prefix: String) async throws {
        let psql = try child("psql", ["--no-psqlrc", "--quiet", "--set=ON_ERROR_STOP=1", "--single-transaction", "--file=-"])
        let restore = try child("pg_restore", arguments + ["--file=-", path])
        let input = Pipe()
        psql.standardInput = input
        psql.standardOutput = FileHandle.nullDevice
        let psqlErrors = StandardError(psql)
        try await onOwnThread {
            // psql may stop reading at its first error: writing on then must fail, not kill us.
            signal(SIGPIPE, SIG_IGN)
            try psql.run()
            // pg_restore's pipes are made after psql started, so psql holds no copy of the
            // script's write end (which would keep the script from ever ending).
            let script = Pipe()
            restore.standardOutput = script
            let restoreErrors = StandardError(restore)
            do {
                try restore.run()
            } catch {
                kill(psql.processIdentifier, SIGKILL)
                psql.waitUntilExit()
                throw error
            }
            let writer = input.fileHandleForWriting
            var relaying = true
            do { try writer.write(contentsOf: Data(prefix.utf8)) } catch { relaying = false }
            while let chunk = try? script.fileHandleForReading.read(upToCount: 1 << 16), !chunk.isEmpty {
                if relaying { do { try writer.write(contentsOf: chunk) } catch { relaying = false } }
            }
            restore.waitUntilExit()
            if restore.terminationStatus != 0 || restore.terminationReason != .exit {
                // Before psql sees the end of its input: killed, it never commits.
                kill(psql.processIdentifier, SIGKILL)
                psql.waitUntilExit()
                try restoreErrors.check("pg_restore", restore)
            }
            try? writer.close()
            psql.waitUntilExit()
            try psqlErrors.check("psql", psql)
        }
    }

    private func child(_ tool: String, _ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = try Self.executable(tool)
        process.arguments = arguments
        process.environment = environment
        return process
    }
}

/// A child's standard error, read to its end on a thread of its own while it runs.
private final class StandardError: Sendable {
    private let reader: PipeReader

    init(_ process: Process) {
        let pipe = Pipe()
        process.standardError = pipe
        reader = PipeReader(pipe.fileHandleForReading)
    }

    /// Throws the child's first error line if it did not exit with 0.
    func check(_ tool: String, _ process: Process) throws {
        let data = reader.wait()
        guard process.terminationStatus != 0 || process.terminationReason != .exit else { return }
        throw PostgresTools.Failed(tool: tool, message: PostgresTools.errorLine(String(decoding: data, as: UTF8.self))
            ?? "exited with status \(process.terminationStatus)")
    }
}

extension PostgresTools {
    /// The first error line of a tool's standard error, without the tool's name and without
    /// each double-quoted value that is not a plausible SQL name (longer than 63 bytes or with a
    /// space): in a message about a dump's rows it may be a piece of a transcript.
    static func errorLine(_ standardError: String) -> String? {
        let lines = standardError.split(separator: "\n").map(String.init)
        guard var line = lines.first(where: { $0.contains("error:") || $0.contains("ERROR:") || $0.contains("FATAL:") })
            ?? lines.first else { return nil }
        line = line.replacingOccurrences(of: #"^(pg_restore|pg_dump|psql)(:[^:]*:[0-9]+)?: (error: )?"#, with: "",
                                         options: .regularExpression)
        line = line.replacingOccurrences(of: #""[^"]{64,}"|"[^"]* [^"]*""#, with: "\"…\"", options: .regularExpression)
        return String(line.prefix(300))
    }
}
