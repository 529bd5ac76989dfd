import FieldworkCore
import FieldworkServices
import Foundation
import Testing

/// Consent receipts in `corpus/participants.yaml`: read, stored and read back whole; the short
/// shape still valid; every problem with its line.
@Suite struct ConsentReceiptIngestTests {
    static let receipts = """
        participants:
          - id: R14
            role: resident
            consents:
              - id: c-1
                notice: {version: "2025-02", language: sv, variant: easy-read}
                scopes: [interview, quote, "telemetry:door-sensor"]
                administrations: [social, care]
                retain_until: 2027-12-31
                events:
                  - {event: given, date: 2025-02-20, by: Anna, how: signed form}
                  - {event: amended, date: 2025-06-01, by: Anna, how: phone, scopes: [interview]}
                  - {event: withdrawn, date: 2025-09-01, by: Bo, how: letter}
          - id: R15
            role: resident
            consents:
              - id: c-2
                date: 2025-03-01
                scopes: [interview, quote]
                withdrawn: 2025-10-01
        """

    @Test func aReceiptIsStoredWholeAndTheShortShapeStillReads() async throws {
        let workspace = try await TemporaryWorkspace(participants: Self.receipts)
        let summary = try await workspace.ingest()
        #expect(summary.problems.isEmpty, "\(summary.problems)")
        let people = try await workspace.store.participants()
        let receipt = try #require(people.first { $0.id == "R14" }?.consents.first)
        #expect(receipt.date == "2025-02-20")
        #expect(receipt.withdrawn == "2025-09-01")
        #expect(receipt.notice == ConsentNotice(version: "2025-02", language: "sv", variant: .easyRead))
        #expect(receipt.telemetryDevices == ["door-sensor"])
        #expect(receipt.scopes == [.interview, .quote, .telemetry])
        #expect(receipt.administrations == [.social, .care])
        #expect(receipt.retainUntil == "2027-12-31")
        #expect(receipt.events.map(\.kind) == [.given, .amended, .withdrawn])
        #expect(receipt.events[2].by == "Bo" && receipt.events[2].how == "letter")
        // The amendment dropped quote from 2025-06-01; the withdrawal ends the rest.
        #expect(receipt.covers(.quote, on: "2025-05-31"))
        #expect(!receipt.covers(.quote, on: "2025-06-01"))
        #expect(receipt.covers(.interview, on: "2025-08-31"))
        #expect(!receipt.covers(.interview, on: "2025-09-01"))
        #expect(receipt.coversDevice("door-sensor", on: "2025-03-01") && !receipt.coversDevice("motion-sensor", on: "2025-03-01"))
        let short = try #require(people.first { $0.id == "R15" }?.consents.first)
        #expect(short.date == "2025-03-01" && short.withdrawn == "2025-10-01" && short.events.isEmpty && short.notice == nil)
    }

    @Test func receiptProblemsNameTheirLines() async throws {
        let workspace = try await TemporaryWorkspace(participants: """
            participants:
              - id: R14
                role: resident
                consents:
                  - id: c-1
                    date: 2025-02-21
                    notice: {version: "1", language: sv, variant: comic}
                    scopes: [interview, "telemetry:"]
                    retain_until: 2027-13-01
                    events:
                      - {event: given, date: 2025-02-20, by: Anna, how: form}
                      - {event: paused, date: 2025-03-01, by: Anna, how: form}
                      - {event: amended, date: 2025-04-01, by: Anna, how: phone}
                      - {event: withdrawn, date: 2025-01-01, by: Anna}
            """)
        let summary = try await workspace.ingest()
        let lines = summary.problems.map(\.description)
        func has(_ line: Int, _ text: String) -> Bool {
            lines.contains { $0.hasPrefix("corpus/participants.yaml:\(line):") && $0.contains(text) }
        }
        #expect(has(6, "date 2025-02-21 differs from the 'given' event (2025-02-20)"), "\(lines)")
        #expect(has(7, "unknown notice variant 'comic'"), "\(lines)")
        #expect(has(8, "'telemetry:' needs a device type"), "\(lines)")
        #expect(has(9, "retain_until '2027-13-01' is not a calendar date"), "\(lines)")
        #expect(has(12, "unknown consent event 'paused'"), "\(lines)")
        #expect(has(13, "an 'amended' event lists the scopes in force"), "\(lines)")
        #expect(has(14, "missing 'how'"), "\(lines)")
        #expect(has(14, "events must be in date order"), "\(lines)")
        // A bad register changes nothing: no participants were stored.
        #expect(try await workspace.store.participants().isEmpty)
    }

    @Test func telemetryLimitedToADeviceTypeRefusesOtherTypes() async throws {
        let workspace = try await TemporaryWorkspace(participants: Self.receipts)
        try await workspace.ingest()
        var gate = TelemetryConsentGate(participants: try await workspace.store.participants())
        let day = Int64(20_200)  // 2025-04-22: given, before the amendment
        #expect(gate.decide(participant: "R14", solution: "door-sensor", day: day) == .allowed)
        #expect(gate.decide(participant: "R14", solution: "motion-sensor", day: day)
                == .refused("R14 has no consent to telemetry from motion-sensor devices"))
        // The amendment of 2025-06-01 dropped telemetry: from then on, refused as withdrawn.
        #expect(gate.decide(participant: "R14", solution: "door-sensor", day: 20_250)
                == .refused("R14 withdrew telemetry consent on 2025-06-01"))
    }
}
