@testable import FieldworkCore
import Testing

/// A recording's path as front matter names it, and the consent it needs to be played.
struct RecordingMediaTests {
    @Test func onlyRelativeAudioAndVideoPathsInsideTheWorkspaceAreAccepted() {
        #expect(RecordingMedia.problem(with: "recordings/int-001.m4a") == nil)
        #expect(RecordingMedia.problem(with: "corpus/recordings/Int 001.WAV") == nil)
        for escaping in ["../int-001.m4a", "recordings/../../x.wav", "/home/anna/int-001.m4a", "~/x.wav", "C:\\x.wav",
                         "recordings//x.wav", "./x.wav/"] {
            #expect(RecordingMedia.problem(with: escaping) != nil, "\(escaping)")
        }
        #expect(RecordingMedia.problem(with: "recordings/int-001.docx")?.contains("not an audio or video file") == true)
        #expect(RecordingMedia.problem(with: "") != nil)
        #expect(RecordingMedia.contentType(of: "a/b.OGG") == "audio/ogg")
        #expect(RecordingMedia.contentType(of: "a.b/c") == nil)
        #expect(RecordingMedia.isVideo("x.webm") && !RecordingMedia.isVideo("x.m4a"))
    }

    @Test func playingNeedsTheRecordingScopeUnderTheSameTermsAsTheWords() {
        let people = [
            Participant(id: "R01", role: .resident, consents: [Consent(id: "a", date: "2025-01-01", scopes: [.interview, .recording])]),
            Participant(id: "R02", role: .resident, consents: [Consent(id: "b", date: "2025-01-01", scopes: [.interview, .quote])]),
            Participant(id: "R03", role: .resident, consents: [Consent(id: "c", date: "2025-01-01", scopes: [.interview, .recording],
                                                                       withdrawn: "2025-06-01")]),
        ]
        let rule = ConsentRule(participants: people, today: "2026-01-01")
        #expect(rule.recording(of: ["R01"], type: .interview, date: "2025-03-01") == .allowed)
        #expect(rule.recording(of: ["R02"], type: .interview, date: "2025-03-01") == .withheld(.noRecording))
        #expect(rule.words(of: ["R02"], type: .interview, date: "2025-03-01") == .allowed)
        #expect(rule.recording(of: ["R03"], type: .interview, date: "2025-03-01") == .withheld(.withdrawn))
        // Everyone heard on it must have consented.
        #expect(rule.recording(of: ["R01", "R02"], type: .interview, date: "2025-03-01") == .withheld(.noRecording))
        // Given after the interview does not reach back (the interview scope is missing first).
        #expect(rule.recording(of: ["R01"], type: .interview, date: "2024-12-01") == .withheld(.notGiven))
    }

    @Test func timesAreWrittenAsTranscriptsCiteThem() {
        #expect(SegmentTimestamp.clock(2) == "00:02")
        #expect(SegmentTimestamp.clock(754.9) == "12:34")
        #expect(SegmentTimestamp.clock(3723) == "1:02:03")
    }
}
