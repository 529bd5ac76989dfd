import FieldworkCore

/// `fieldwork solutions check`: the catalogue and the device register, every problem with file and line.
public struct SolutionsCheck: Sendable {
    public struct Report: Sendable {
        public var solutions = 0
        public var devices = 0
        public var problems: [SourceProblem] = []
    }

    let workspace: Workspace
    let store: any FieldworkStore

    public init(workspace: Workspace, store: any FieldworkStore) {
        self.workspace = workspace
        self.store = store
    }

    public func run() async throws -> Report {
        var report = Report()
        let problems = try await SourceProblems.collecting {
            let catalogue = try SolutionCatalogue.load(workspace)
            report.solutions = catalogue.solutions.count
            report.devices = try DeviceRegistry.load(workspace, catalogue: catalogue, participants: try await store.participants()).devices.count
        }
        report.problems = problems
        return report
    }
}
