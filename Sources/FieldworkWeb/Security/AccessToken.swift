import Foundation

/// The secret printed with the server's URL, exchanged once per browser for a session cookie.
/// 32 random bytes from the system generator, URL-safe base64 (43 characters).
public struct AccessToken: Sendable, Hashable {
    public let value: String

    public init(value: String) {
        self.value = value
    }

    public static func random(bytes: Int = 32) -> AccessToken {
        AccessToken(value: SecretString.random(bytes: bytes))
    }

    /// Compares in time independent of where the strings differ, so timing reveals nothing.
    public func matches(_ candidate: String) -> Bool {
        SecretString.constantTimeEquals(value, candidate)
    }
}

enum SecretString {
    static func random(bytes count: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8)
        let right = Array(rhs.utf8)
        var difference = UInt8(left.count == right.count ? 0 : 1)
        for index in 0..<max(left.count, right.count) {
            let a = index < left.count ? left[index] : 0
            let b = index < right.count ? right[index] : 0
            difference |= a ^ b
        }
        return difference == 0
    }
}
