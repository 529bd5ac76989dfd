import FieldworkCore

/// A coding as the consent rule lets it be shown today (`CodingService.shown`), with the reason
/// its quote, context and memo are empty when they are withheld.
public struct ShownCoding: Sendable {
    public let coding: Coding
    public let withheld: ConsentRule.Reason?
}
