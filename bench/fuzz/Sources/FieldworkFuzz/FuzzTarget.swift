import CFuzzerDriver
import FieldworkCore
import FieldworkExchange
import FieldworkServices
import Foundation

// One binary, one parser per run: FIELDWORK_FUZZ_KIND names a `WorkspaceFileKind` or `refi-qda`.
// A crash, a hang (libFuzzer's -timeout) or an unclear error is a finding: the last is turned
// into a trap here so that libFuzzer keeps the input.

let kindName = ProcessInfo.processInfo.environment["FIELDWORK_FUZZ_KIND"] ?? "document"
let kind = WorkspaceFileKind(rawValue: kindName)
let checker = WorkspaceFileCheck(participants: ["R01", "R02", "S01"], solutions: ["smart-stove-guard"])
let path = "fuzz-input"

/// The executable's entry point as SwiftPM links it (`main` is defined to be this symbol).
@_cdecl("FieldworkFuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { bytes, size in fuzzOneInput(bytes, size) }
}

func fuzzOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    do {
        if let kind {
            _ = try checker.check(data, as: kind, path: path)
        } else {
            _ = try ExchangeFileCheck.check(data, path: path)
        }
    } catch let problem as SourceProblem {
        requireClear([problem])
    } catch let problems as SourceProblems {
        requireClear(problems.problems)
    } catch let error as ExchangeError {
        if !error.description.hasPrefix(path) || error.description.contains("\n") { fatalError("unclear error: \(error)") }
    } catch {
        fatalError("an error that names no file: \(error)")
    }
    return 0
}

func requireClear(_ problems: [SourceProblem]) {
    for problem in problems where problem.location.file != path || problem.message.contains("\n") || problem.message.count > 600 {
        fatalError("unclear problem: \(problem.description.prefix(300))")
    }
}
