/// HTML escaping for every page and file Fieldwork writes: transcripts, codebooks and requests
/// are untrusted, so nothing from them reaches HTML without going through here.
public enum HTMLEscaping {
    public static func escape(_ text: String) -> String {
        // Most transcript text has nothing to escape: then it is returned as it is, uncopied.
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
