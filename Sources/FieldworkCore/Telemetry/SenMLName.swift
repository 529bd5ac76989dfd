/// RFC 8428 §4.5.1: a resolved name is `[A-Za-z0-9][A-Za-z0-9:./_-]*`, so that it can be used in a
/// URI path or a database column without escaping.
public enum SenMLName {
    public static func isValid(_ name: String) -> Bool {
        var first = true
        for byte in name.utf8 {
            let alphanumeric = (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
            if first {
                guard alphanumeric else { return false }
                first = false
            } else if !alphanumeric, !"-:./_".utf8.contains(byte) {
                return false
            }
        }
        return !first
    }
}
