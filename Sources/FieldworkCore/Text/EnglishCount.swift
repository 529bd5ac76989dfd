/// "1 coding", "2 codings": a count with its noun for the command line, reports and logs, where
/// "1 codings" and "file(s)" crept in. (The web pages use their catalogues' plural forms.)
public enum EnglishCount {
    /// `plural` when adding "s" is wrong ("1 person", "2 people").
    public static func of(_ number: Int, _ noun: String, plural: String? = nil) -> String {
        "\(number) " + (number == 1 ? noun : plural ?? noun + "s")
    }
}
