import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A password typed at the terminal without echo (asked twice), or one line of standard input
/// when it is not a terminal (scripts: `printf '%s\n' "$PW" | fieldwork account create …`).
/// Never an argument: those are visible to everyone in the process list.
enum PasswordPrompt {
    static func read(for name: String) throws -> String {
        guard isatty(STDIN_FILENO) == 1 else {
            guard let line = Swift.readLine(strippingNewline: true) else {
                throw ValidationError("no password on standard input (one line) for \(name)")
            }
            return line
        }
        let first = try silently("Password for \(name): ")
        let second = try silently("Again: ")
        guard first == second else { throw ValidationError("the two passwords differ; nothing was changed") }
        return first
    }

    private static func silently(_ prompt: String) throws -> String {
        FileHandle.standardError.write(Data(prompt.utf8))
        var saved = termios()
        tcgetattr(STDIN_FILENO, &saved)
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet)
        defer {
            tcsetattr(STDIN_FILENO, TCSANOW, &saved)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        guard let line = Swift.readLine(strippingNewline: true) else { throw ValidationError("no password typed") }
        return line
    }
}
