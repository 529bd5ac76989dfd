import FieldworkCore
import FieldworkServices

/// The recording above a transcript: the browser's own player (keyboard and screen-reader
/// accessible) fed by `/api/documents/{id}/recording`, or one line saying why there is none to
/// play. `recording.js` adds "play from here", follows the passage being played and the keys.
struct RecordingPlayer {
    let recording: DocumentRecording
    let document: DocumentMetadata
    let t: Localizer

    /// Whether passages get "play from here" buttons.
    var playable: Bool {
        if case .available = recording { return true }
        return false
    }

    func render() -> SafeHTML {
        switch recording {
        case .none:
            return SafeHTML()
        case .available(_, let contentType, _):
            let tag = contentType.hasPrefix("video/") ? "video" : "audio"
            let source = "/api/documents/\(document.id)/recording"
            return """
                <section class="recording" aria-labelledby="recording-title">
                <h2 id="recording-title" class="recording-title">\(t.html("recording.title"))</h2>
                <\(tag) id="recording-player" controls preload="metadata" src="\(source)" aria-describedby="recording-keys">\(t.html("recording.unsupported"))</\(tag)>
                <p class="hint" id="recording-keys">\(t.html("recording.keys", raw: ["play": "<kbd>P</kbd>", "back": "<kbd>B</kbd>", "alt": "<kbd>Alt</kbd>"]))</p>
                </section>
                """
        case .missing(let path):
            return notice(t.html("recording.missing", ["path": path]))
        case .refused(let path):
            return notice(t.html("recording.refused", ["path": path]))
        case .withheld(let reason):
            return notice(t.html("recording.withheld", ["reason": t("withheld.reason.\(reason)")]))
        }
    }

    private func notice(_ html: SafeHTML) -> SafeHTML {
        "<p class=\"recording-notice\" id=\"recording-notice\">\(html)</p>"
    }
}
