import Foundation

/// Turns DOT into SVG with Graphviz `dot`.
public enum GraphvizRenderer {
    public static func svg(dot: String) throws -> Data {
        guard let program = ExternalProgram("dot") else {
            throw ExternalProgramError.notInstalled(program: "dot", package: "graphviz")
        }
        let result = try program.run(["-Tsvg"], input: Data(dot.utf8))
        guard result.status == 0 else {
            throw ExternalProgramError.failed(program: "dot", status: result.status, stderr: result.stderr)
        }
        return result.stdout
    }
}
