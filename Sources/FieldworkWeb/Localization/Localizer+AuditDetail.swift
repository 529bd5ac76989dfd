extension Localizer {
    /// An audit entry's detail name (`file`, `codings`) in the interface language; a name the
    /// catalogue does not know (a newer or hand-written entry) is shown as it is.
    func auditDetail(_ key: String) -> String {
        has("audit.detail.\(key)") ? self("audit.detail.\(key)") : key
    }
}
