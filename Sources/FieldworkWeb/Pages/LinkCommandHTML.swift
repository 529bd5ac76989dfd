import FieldworkCore

/// The CLI command that links a need to a solution, as the pages quote it where no link is
/// made yet: the form is on a need's page, and the command is the other way.
enum LinkCommandHTML {
    static func link(need: String = "NEED", solution: String = "SOLUTION") -> SafeHTML {
        "<code>fieldwork link \(need) \(solution) --rationale \"…\"</code>"
    }
}
