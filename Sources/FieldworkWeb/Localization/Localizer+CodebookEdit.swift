import FieldworkServices

extension Localizer {
    /// Why the codebook editor refused a change, in the interface language (the CLI prints the
    /// error's English description).
    func codebookEdit(_ error: CodebookEditError) -> String {
        switch error {
        case .invalidID(let id): self("codebook.error.invalidID", ["id": id])
        case .duplicateID(let id): self("codebook.error.duplicateID", ["id": id])
        case .missingName: self("codebook.error.missingName")
        case .invalidColor(let color): self("codebook.error.invalidColor", ["color": color])
        case .languageRequired(let code, let field, let languages):
            self("codebook.error.languageRequired", ["field": self("codebook.error.field.\(field.rawValue)"), "id": code,
                                                     "languages": languages.joined(separator: ", "), "language": languages.first ?? ""])
        case .moveUnderItself(let id): self("codebook.error.moveUnderItself", ["id": id])
        case .mergeIntoItself(let id): self("codebook.error.mergeIntoItself", ["id": id])
        case .hasCodings(let id, let count): self.count("codebook.error.hasCodings", count, ["id": id])
        case .hasMemos(let id, let count): self.count("codebook.error.hasMemos", count, ["id": id])
        case .hasChildren(let id, let count): self.count("codebook.error.hasChildren", count, ["id": id])
        case .refused(let problem): self("codebook.error.refused", ["problem": problem])
        }
    }
}
