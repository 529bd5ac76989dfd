/// YAML double-quoted scalars: anything can be written, nothing is read as YAML syntax.
public enum YAMLQuoting {
    public static func quoted(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\t": output += "\\t"
            default:
                // Control characters, YAML's extra line breaks and the byte-order mark as \u escapes.
                if scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x85
                    || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output + "\""
    }
}
