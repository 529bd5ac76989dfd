/// The needs, solutions and telemetry services, beside the foundation's in `FieldworkContext`.
extension FieldworkContext {
    public var telemetryImport: TelemetryImportService { TelemetryImportService(workspace: workspace, store: store) }
    public var telemetrySummary: TelemetrySummaryService { TelemetrySummaryService(workspace: workspace, store: store) }
    public var needsRegister: NeedsRegisterService { NeedsRegisterService(store: store) }
    public var needLinks: NeedLinkService { NeedLinkService(workspace: workspace, store: store, ledger: ledger) }
    public var solutionsCheck: SolutionsCheck { SolutionsCheck(workspace: workspace, store: store) }
}
