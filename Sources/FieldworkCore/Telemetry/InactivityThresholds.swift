/// How long a device type may go without an activity signal before the silence is worth a look
/// ("no activity for N hours"), per device type of the solution catalogue (a solution id).
///
/// One threshold for every device would be wrong for most of them: a motion sensor in the hall
/// sees someone every few hours, a kettle's smart plug rests through the night, a video tablet
/// may sit unused for days in a perfectly good week. The defaults say so; `fieldwork.yaml`
/// (`telemetry: inactivity_hours:`) changes them per type and for every other type (`default`).
public struct InactivityThresholds: Sendable, Hashable {
    /// Hours for a device type not listed in `byType`.
    public var defaultHours: Double
    /// Solution id → hours.
    public var byType: [String: Double]

    public init(defaultHours: Double = 12, byType: [String: Double] = [:]) {
        self.defaultHours = defaultHours
        self.byType = byType
    }

    /// The sample catalogue's activity signals: about one waking day for signals a resident
    /// gives all day (motion, presence), longer where a night's rest or a day without need is
    /// ordinary (a kettle, steps on a wristband, a daily dose, calls on a tablet).
    public static let defaults = InactivityThresholds(defaultHours: 12, byType: [
        "motion-sensor": 12,
        "fall-detection": 12,
        "door-sensor": 24,
        "smart-plug": 16,
        "wearable-alarm": 16,
        "medication-reminder": 26,
        "video-tablet": 72,
    ])

    /// The threshold of a device of `solutionID`.
    public func hours(for solutionID: String) -> Double { byType[solutionID] ?? defaultHours }

    /// The defaults with `overrides` on top (the types `fieldwork.yaml` names).
    public func merging(defaultHours: Double?, byType overrides: [String: Double]) -> InactivityThresholds {
        InactivityThresholds(defaultHours: defaultHours ?? self.defaultHours, byType: byType.merging(overrides) { _, new in new })
    }
}
