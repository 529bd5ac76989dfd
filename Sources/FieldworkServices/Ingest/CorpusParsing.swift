import FieldworkCore
import Foundation

/// The corpus files, parsed in chunks on every core but one ahead of the writer.
///
/// Parsing starts before the register and the codebook are read, so reading them overlaps
/// with parsing the first chunks (they took a tenth of a first ingest's wall time, with every
/// core but one idle). The parser cannot yet know who the register lists, so it does not check
/// the people a front matter names: `checked` does, once the register is in, and parses again
/// (with the register) any file that names someone unknown or failed, so its problems are
/// exactly those a parse with the register gives, in the same order.
struct CorpusParsing: Sendable {
    typealias File = (url: URL, path: String)
    typealias Parse = @Sendable (_ file: File, _ parser: CorpusDocumentParser) -> ParseOutcome

    static let chunkSize = 32
    /// Chunks parsed ahead of the one being written: enough to keep the parser busy while the
    /// register and codebook are read, few enough that memory follows the chunk, not the corpus.
    static let depth = 4

    let chunks: [[File]]
    private let total: Int
    private let parse: Parse
    private let progress: IngestService.Progress?
    /// Started parses not yet taken, by chunk; each waits for the one before it, so one chunk
    /// at a time has the cores.
    private var started: [Int: Task<[ParseOutcome], Never>] = [:]
    private var last: Task<[ParseOutcome], Never>?
    private var nextToStart = 0

    /// Starts parsing the first chunks at once.
    init(files: [File], progress: IngestService.Progress?, parse: @escaping Parse) {
        chunks = stride(from: 0, to: files.count, by: Self.chunkSize).map {
            Array(files[$0..<min($0 + Self.chunkSize, files.count)])
        }
        total = files.count
        self.parse = parse
        self.progress = progress
        startThrough(Self.depth - 1)
    }

    /// The outcomes of chunk `index` (taken once, in order), parsed without the register.
    mutating func outcomes(of index: Int) async -> [ParseOutcome] {
        startThrough(index + Self.depth)
        guard let task = started.removeValue(forKey: index) else { return [] }
        return await task.value
    }

    /// `outcomes`, each checked against the register: a document naming someone it does not
    /// list (`known`: the register and the erased), and a file that failed, are parsed again
    /// with it, which gives the problems a parse with the register gives.
    func checked(_ outcomes: [ParseOutcome], of index: Int, known: Set<String>) -> [ParseOutcome] {
        let parser = CorpusDocumentParser(knownParticipants: known)
        return zip(chunks[index], outcomes).map { file, outcome in
            switch outcome {
            case .parsed(let change, _) where change.metadata.participants.contains(where: { !known.contains($0) }): parse(file, parser)
            case .failed: parse(file, parser)
            default: outcome
            }
        }
    }

    private mutating func startThrough(_ index: Int) {
        let total = self.total
        while nextToStart <= min(index, chunks.count - 1) {
            let chunk = chunks[nextToStart], done = nextToStart * Self.chunkSize
            let previous = last, parse = self.parse, progress = self.progress
            let task = Task.detached {
                _ = await previous?.value
                var chunkProgress: IngestService.Progress?
                if let progress { chunkProgress = { finished, _ in progress(done + finished, total) } }
                let parser = CorpusDocumentParser(knownParticipants: nil)
                return ParallelParse.run(chunk, progress: chunkProgress) { parse($0, parser) }
            }
            started[nextToStart] = task
            last = task
            nextToStart += 1
        }
    }
}
