import FieldworkServices

/// The exchange services, reached from the composition root like the others.
extension FieldworkContext {
    public var codebookExport: CodebookExport { CodebookExport(store: store) }
    public var matrixExport: MatrixExport { MatrixExport(store: store) }
}
