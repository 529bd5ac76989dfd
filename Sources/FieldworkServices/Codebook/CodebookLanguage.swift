import FieldworkCore
import Foundation
import Yams

/// The study's language, from a codebook file's `language: sv`: what workshop handouts are
/// written in when their plan names none. The codebook parser checks the value; this reads it
/// from the files as they are now (the first file, in name order, that gives one).
public enum CodebookLanguage {
    /// A language code as the codebook takes them: `sv`, `en` (two or three lower-case letters).
    public static func isLanguage(_ text: String) -> Bool {
        text.range(of: YAMLReader.languagePattern, options: .regularExpression) != nil
    }

    public static func load(_ workspace: Workspace) -> String? {
        for url in WorkspaceFiles.discover(in: workspace).codebooks {
            guard let text = try? String(contentsOf: url, encoding: .utf8),
                  let root = try? Yams.compose(yaml: text), case .mapping(let mapping) = root,
                  let language = mapping["language"]?.string, isLanguage(language) else { continue }
            return language
        }
        return nil
    }
}
