import FieldworkCore
import Foundation

/// Assembles the study report (`fieldwork report`, `/report`) from the same services the other
/// exports use: the needs register and the policy-lab register (evidence from the consensus
/// where the team adjudicated, `ConsensusEvidence`), the handouts' quote rule (residents' own
/// consented words, attributed by k), the actor map, the telemetry summary (the study's time
/// zone and inactivity thresholds) and the solution catalogue. Counts derive only from passages
/// the consent rule and access let appear today; `forPublication` hides counts below k.
public struct StudyReportService: Sendable {
    public struct Request: Sendable, Hashable {
        /// `sv` or `en`; nil: the codebook's language, else English.
        public var language: String?
        public var forPublication: Bool

        public init(language: String? = nil, forPublication: Bool = false) {
            self.language = language
            self.forPublication = forPublication
        }
    }

    let workspace: Workspace
    let store: any FieldworkStore

    public init(workspace: Workspace, store: any FieldworkStore) {
        self.workspace = workspace
        self.store = store
    }

    public func language(asked: String?) throws -> String {
        let language = asked ?? CodebookLanguage.load(workspace) ?? "en"
        guard ReportTexts.languages.contains(language) else { throw ReportError.unsupportedLanguage(language) }
        return language
    }

    public func report(_ request: Request = Request()) async throws -> StudyReport {
        let language = try language(asked: request.language)
        let texts = ReportTexts.of(language: language) ?? .english
        let settings = try workspace.settings()
        let cells = request.forPublication ? settings.smallCells : nil
        let participants = try await store.participants()
        let rule = ConsentRule.today(participants)
        let register = NeedsRegisterService(store: store, preferConsensus: true)
        let all = try await register.passages()
        let (consented, withheld) = try await register.consentedPassages()
        let codebook = try await store.codebook().localized(language)
        let links = try await store.needLinks(needID: nil)
        let catalogue = try SolutionCatalogue.load(workspace).localized(language)
        let redactions = try workspace.redactions()
        // The report names no one: participants' ids in researchers' free text are masked.
        let mask = PseudonymMask(ids: Set(participants.map(\.id)))
        let evidence = NeedsRegister.evidence(codebook: codebook, passages: consented, participants: participants, links: links,
                                              today: rule.today, access: rule.access)

        var metadata = ExportMetadata(export: "report", rule: rule)
        metadata.add(withheld, unit: "evidence")
        metadata.smallCellsBelow = cells?.k
        let documents = try await store.documents().map(\.metadata)
        let dates = documents.compactMap(\.date).sorted()
        let actorMap = try await actorMap(texts: texts, language: language, cells: cells)
        // Proposals are policy-lab notes: where access restricts those to named coders, others get none.
        let proposalsAllowed = rule.access?.allows(people: [], type: .policyLab) ?? true
        return StudyReport(
            language: language, smallCells: cells, consentDate: rule.today, firstDate: dates.first, lastDate: dates.last,
            adjudicatedDocuments: try await register.adjudicatedDocuments().count,
            documents: DocumentType.allCases.compactMap { type in
                let count = documents.filter { $0.type == type }.count
                return count == 0 ? nil : StudyReport.DocumentCount(type: type, count: count)
            },
            participants: roles(participants.filter { rule.access?.allows(participant: $0.id) ?? true }),
            needs: needs(evidence.filter { !Self.isCategory($0.need.id, in: codebook) }, all: all, participants: participants, rule: rule, k: settings.smallCells.k, cells: cells,
                         catalogue: catalogue, redact: { redactions.apply($0).text }),
            obstacles: ReportObstacles.sections(codebook: codebook, passages: consented, participants: participants, evidence: evidence),
            solutions: solutions(catalogue: catalogue, links: links, evidence: evidence, codebook: codebook, cells: cells),
            actorMapSVG: actorMap.svg, actorMapMissing: actorMap.missing, timeZone: settings.timeZone.identifier,
            pilots: try await pilots(catalogue: catalogue, settings: settings),
            proposals: proposalsAllowed ? try await proposals(codebook: codebook, catalogue: catalogue, mask: mask) : [], proposalsRestricted: !proposalsAllowed,
            evidenceWithheld: withheld.total, metadata: metadata)
    }

    /// Each role present in the register with its people under each administration.
    func roles(_ participants: [Participant]) -> [StudyReport.RoleRow] {
        ParticipantRole.allCases.compactMap { role in
            let people = participants.filter { $0.role == role }
            guard !people.isEmpty else { return nil }
            var byAdministration: [Administration: Int] = [:]
            for administration in Administration.allCases {
                let count = people.filter { $0.administrations.contains(administration) }.count
                if count > 0 { byAdministration[administration] = count }
            }
            return StudyReport.RoleRow(role: role, total: people.count, byAdministration: byAdministration)
        }
    }

    /// The needs with evidence, the most residents first (then codebook order).
    func needs(_ evidence: [NeedEvidence], all: [CodedPassage], participants: [Participant], rule: ConsentRule, k: Int,
               cells: SmallCells?, catalogue: SolutionCatalogue, redact: @escaping (String) -> String) -> [StudyReport.NeedSection] {
        let order = Dictionary(evidence.enumerated().map { ($1.need.id, $0) }, uniquingKeysWith: { first, _ in first })
        let byCode = Dictionary(grouping: all, by: \.coding.codeID)
        return evidence.filter { $0.codings > 0 }
            .sorted { ($1.people.residents.count, order[$0.need.id] ?? 0) < ($0.people.residents.count, order[$1.need.id] ?? 0) }
            .map { need in
                // The handouts' rule: residents' own consented words, one quote each, attributed by k.
                let passages = evidence.filter { Self.isWithin($0.need.id, need.need.id) }.flatMap { byCode[$0.need.id] ?? [] }
                    .sorted { ($0.document.date ?? "", $0.document.id, $0.coding.start) < ($1.document.date ?? "", $1.document.id, $1.coding.start) }
                let quotes = HandoutQuotes.select(passages, register: participants, consent: rule, k: k, limits: .standard, redact: redact)
                let hidden = cells?.suppresses(need.people.residents.count) ?? false
                return StudyReport.NeedSection(
                    id: need.need.id, name: need.need.name, description: need.need.description,
                    residents: need.people.residents.count, relatives: need.people.relatives.count, staff: need.people.staff.count,
                    groupNotes: need.groupNotes, administrations: hidden ? nil : need.administrations,
                    quotes: quotes.quotes, quotesWithheld: quotes.withheld,
                    seenWith: (need.barriers + need.preconditions).map(\.name),
                    solutions: need.links.map { StudyReport.LinkedSolution(name: catalogue[$0.solutionID]?.name ?? $0.solutionID, status: $0.status) })
            }
    }

    /// A top-level code with codes below it ("Needs") is the tree's heading, not a need of its own.
    static func isCategory(_ id: String, in codebook: Codebook) -> Bool {
        codebook.depth(of: id) == 0 && codebook.subtree(of: id).count > 1
    }

    /// `id` is `ancestor` or below it (dotted ids).
    static func isWithin(_ id: String, _ ancestor: String) -> Bool { id == ancestor || id.hasPrefix(ancestor + ".") }

    /// Every solution linked to a need, in catalogue order.
    func solutions(catalogue: SolutionCatalogue, links: [NeedSolutionLink], evidence: [NeedEvidence], codebook: Codebook,
                   cells: SmallCells?) -> [StudyReport.SolutionSection] {
        let needs = Dictionary(evidence.map { ($0.need.id, $0) }, uniquingKeysWith: { first, _ in first })
        return catalogue.solutions.compactMap { solution in
            let own = links.filter { $0.solutionID == solution.id }.sorted { $0.needID < $1.needID }
            guard !own.isEmpty else { return nil }
            // Administrations of needs raised by fewer than k residents are not shown for publication.
            let supported = Set(own.filter { $0.status != .rejected }.compactMap { needs[$0.needID] }
                .filter { !(cells?.suppresses($0.people.residents.count) ?? false) }.flatMap(\.administrations))
            return StudyReport.SolutionSection(
                id: solution.id, name: solution.name, description: solution.description,
                needs: own.map { .init(name: codebook[$0.needID]?.name ?? $0.needID, status: $0.status) },
                fit: Administration.allCases.filter { solution.administrations.contains($0) && supported.contains($0) },
                costToResident: solution.costToResident, competence: solution.competence)
        }
    }

    /// The whole actor map as SVG; under publication without edges backed by fewer than k.
    func actorMap(texts: ReportTexts, language: String, cells: SmallCells?) async throws -> (svg: String?, missing: Bool) {
        let service = ActorMapService(workspace: workspace, store: store, preferConsensus: true)
        let graph = try await service.graph(options: .init(minEvidence: cells?.k ?? 1, language: language))
        guard !graph.nodes.isEmpty else { return (nil, false) }
        do {
            // A solution line's status in the report's own words, as its solutions section says it.
            var labels = texts.actorMapLabels
            labels.linkStatus = { texts.status[$0] ?? $0.rawValue }
            let dot = DOTWriter.write(graph, options: .init(title: texts.actorsHeading, labels: labels))
            // Without Graphviz's <title>s: browsers showed "actor_map" and "cluster_administration" on hover.
            let svg = try await GraphvizRenderer.svg(dot: try workspace.redactions().apply(dot).text)
            return (GraphvizRenderer.withoutTitles(GraphvizRenderer.inlineSVG(svg)), false)
        } catch is ExternalProgramError {
            return (nil, true)
        }
    }

    /// Per solution with pilot devices: homes, days, readings and the events the study looks for.
    func pilots(catalogue: SolutionCatalogue, settings: WorkspaceSettings) async throws -> [StudyReport.PilotSection] {
        let summary = try await TelemetrySummaryService(workspace: workspace, store: store).summary(.init())
        let bySolution = Dictionary(grouping: summary.devices, by: \.solutionID)
        return bySolution.keys.sorted().compactMap { solutionID in
            let devices = Set((bySolution[solutionID] ?? []).map(\.name))
            let rows = summary.rows.filter { devices.contains($0.device) }
            guard !rows.isEmpty else { return nil }
            let signals = Set(catalogue[solutionID]?.metrics.compactMap(\.signal) ?? [])
            let events = summary.events.filter { devices.contains($0.device) }
            return StudyReport.PilotSection(
                solution: catalogue[solutionID]?.name ?? solutionID,
                households: Set((bySolution[solutionID] ?? []).filter { devices.contains($0.name) }.map(\.participantID)).count,
                days: Set(rows.map(\.start)).count, readings: rows.map(\.count).reduce(0, +),
                nightOpenings: signals.contains(.door) ? events.filter { $0.kind == .doorAtNight }.count : nil,
                inactivity: signals.contains(.activity) ? events.filter { $0.kind == .noActivity }.count : nil,
                inactivityHours: settings.inactivity.hours(for: solutionID))
        }
    }

    /// `codebook` and `catalogue` in the report's language: the register names codes as the
    /// codebook's own language does.
    func proposals(codebook: Codebook, catalogue: SolutionCatalogue, mask: PseudonymMask) async throws -> [StudyReport.ProposalSection] {
        let register = try await PolicyLabRegisterService(workspace: workspace, store: store, preferConsensus: true).register()
        return register.proposals.map { proposal in
            StudyReport.ProposalSection(
                id: proposal.id, title: mask.apply(proposal.title), status: proposal.status, date: proposal.date,
                owner: proposal.owner.map(mask.apply), answers: proposal.answers.map { codebook[$0.codeID]?.name ?? $0.name },
                solutions: proposal.solutions.map { catalogue[$0]?.name ?? $0 }, residents: proposal.residents.count)
        }
    }
}
