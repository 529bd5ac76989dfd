/// One entry of the IoT solution catalogue (`codebooks/solutions.yaml`): what a connected
/// solution is, what data it produces, and what it asks of the resident.
public struct Solution: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var description: String
    public var deviceTypes: [String]
    public var metrics: [SolutionMetric]
    /// What it costs the resident. The mission's aim is `none`.
    public var costToResident: String
    /// Technical competence it asks of the resident. The mission's aim is `none`.
    public var competence: String
    public var administrations: [Administration]
    public var risks: [String]
    public var source: SourceLocation?
    /// Name, description and risks per language, when the catalogue gives them so
    /// (`name: {sv: Dörrsensor, en: Door sensor}`); the plain fields hold the first language written.
    public var translations: [String: SolutionTranslation] = [:]

    public init(
        id: String, name: String, description: String, deviceTypes: [String] = [], metrics: [SolutionMetric] = [],
        costToResident: String, competence: String, administrations: [Administration] = [], risks: [String] = [],
        source: SourceLocation? = nil
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.deviceTypes = deviceTypes
        self.metrics = metrics
        self.costToResident = costToResident
        self.competence = competence
        self.administrations = administrations
        self.risks = risks
        self.source = source
    }

    public func metric(named name: String) -> SolutionMetric? { metrics.first { $0.name == name } }

    /// A cost or competence in words: `none` (nothing asked of the resident, the mission's aim)
    /// becomes the reader's word for nothing; any other value stays as the catalogue writes it.
    public static func value(_ text: String, nothing: String) -> String { text.lowercased() == "none" ? nothing : text }

    /// The solution as a reader of `language` sees it; parts not given in it stay as written.
    public func localized(_ language: String) -> Solution {
        guard let translation = translations[language] else { return self }
        var solution = self
        solution.name = translation.name ?? name
        solution.description = translation.description ?? description
        solution.risks = translation.risks ?? risks
        solution.deviceTypes = translation.deviceTypes ?? deviceTypes
        return solution
    }
}

/// A solution's texts in one language (see `Solution.translations`).
public struct SolutionTranslation: Sendable, Hashable {
    public var name: String?
    public var description: String?
    public var risks: [String]?
    /// The devices in this language (the Swedish page said "magnetic door contact").
    public var deviceTypes: [String]?

    public init(name: String? = nil, description: String? = nil, risks: [String]? = nil, deviceTypes: [String]? = nil) {
        self.name = name
        self.description = description
        self.risks = risks
        self.deviceTypes = deviceTypes
    }
}

/// A kind of data a solution's devices produce, with its SenML unit.
public struct SolutionMetric: Sendable, Hashable {
    public var name: String
    /// A SenML unit (RFC 8428 §12.1), e.g. `Cel`, `%RH`, `W`, `/`; nil for plain counts.
    public var unit: String?
    public var description: String?
    /// What the metric signals for event detection, if anything.
    public var signal: TelemetrySignal?

    public init(name: String, unit: String? = nil, description: String? = nil, signal: TelemetrySignal? = nil) {
        self.name = name
        self.unit = unit
        self.description = description
        self.signal = signal
    }
}
