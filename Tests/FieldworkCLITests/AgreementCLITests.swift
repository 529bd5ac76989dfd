import Foundation
import Testing

/// `agreement`, `export cooccurrence` and `--coder` on the listings, through the real binary.
@Suite(.serialized) struct AgreementCLITests {
    /// Anna and Bo code the same turn of one interview alike; Bo adds a barrier on the next turn.
    static func coded() async throws -> (CLIRunner, interview: String, turns: [[String: Any]]) {
        let cli = CLIRunner(workspace: try CLIRunner.sampleWorkspaceCopy())
        try await cli.run("ingest")
        let documents = try #require(try await cli.json("documents") as? [[String: Any]])
        let interview = try #require(documents.first { $0["type"] as? String == "interview" }?["id"] as? String)
        let segments = try #require(try await cli.json("segments", interview) as? [[String: Any]])
        let turns = segments.filter { $0["kind"] as? String == "turn" && ($0["text"] as? String ?? "").unicodeScalars.count > 20 }
        try #require(turns.count >= 2)
        func add(_ turn: [String: Any], _ code: String, _ coder: String) async throws {
            let start = turn["start"] as! Int
            let result = try await cli.run("code", "add", interview, "--start", "\(start)", "--end", "\(start + 10)", "--code", code,
                                     "--coder", coder)
            #expect(result.status == 0, "\(result.stderr)")
        }
        try await add(turns[0], "need.safety.night", "Anna")
        try await add(turns[0], "need.safety.night", "Bo")
        try await add(turns[0], "barrier", "Anna")
        try await add(turns[1], "barrier", "Bo")
        return (cli, interview, turns)
    }

    @Test func listingsFilterByCoder() async throws {
        let (cli, _, _) = try await Self.coded()
        let bo = try #require(try await cli.json("code", "list", "--coder", "Bo") as? [[String: Any]])
        #expect(bo.count == 2 && bo.allSatisfy { $0["coder"] as? String == "Bo" })
        await #expect((try cli.json("code", "list") as? [Any])?.count == 4)

        #expect(try await cli.run("export", "segments", "--coder", "Anna", "--out", "exports/anna.csv").status == 0)
        let csv = try String(contentsOf: cli.workspace.appending(path: "exports/anna.csv"), encoding: .utf8)
        #expect(csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 3)  // header + Anna's two

        #expect(try await cli.run("export", "matrix", "--rows", "document", "--coder", "Bo", "--out", "exports/bo.csv").stdout
            .contains("(2 codings)"))

        let needs = try #require(try await cli.json("needs", "--coder", "Anna") as? [[String: Any]])
        let night = try #require(needs.first { $0["id"] as? String == "need.safety.night" })
        #expect(night["codings"] as? Int == 1)
        await #expect((try cli.json("needs") as? [[String: Any]])?.first { $0["id"] as? String == "need.safety.night" }?["codings"] as? Int == 2)
    }

    /// The disagreements page's decisions from the command line, as the sample study is made.
    @Test func adjudicateAcceptsIntoTheConsensusInTheDecidersFile() async throws {
        let (cli, interview, turns) = try await Self.coded()
        let passage = ["--start", "\(turns[1]["start"] as! Int)", "--end", "\(turns[1]["end"] as! Int)"]
        let accepted = try await cli.run(["adjudicate", "accept", interview] + passage + ["--code", "barrier", "--by", "Anna"])
        #expect(accepted.status == 0, "\(accepted.stderr)")
        let consensus = try #require(try await cli.json("code", "list", "--coder", "Consensus") as? [[String: Any]])
        #expect(consensus.count == 1 && consensus.first?["id"] as? String == accepted.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(consensus.first?["memo"] as? String == "accepted by Anna" && consensus.first?["updated_by"] as? String == "Anna")
        let file = try String(contentsOf: cli.workspace.appending(path: "codings/anna.jsonl"), encoding: .utf8)
        #expect(file.contains("\"coder\":\"Consensus\""))
        // Accepted already: said of the consensus, not of the decider ("by this coder").
        let again = try await cli.run(["adjudicate", "accept", interview] + passage + ["--code", "barrier", "--by", "Bo"])
        #expect(again.status != 0 && again.stderr.contains("code barrier is already in the consensus for this passage (coding c-"), "\(again.stderr)")
        #expect(try await cli.run(["adjudicate", "dismiss", interview] + passage + ["--code", "need.safety.night", "--by", "Bo"]).status == 0)
        // One decision per code and passage: the other one is refused, saying what to remove
        // (both were recorded, side by side).
        let dismissAccepted = try await cli.run(["adjudicate", "dismiss", interview] + passage + ["--code", "barrier", "--by", "Bo"])
        #expect(dismissAccepted.status != 0
                && dismissAccepted.stderr.contains("code barrier is accepted into the consensus for this passage (coding c-"), "\(dismissAccepted.stderr)")
        let acceptDismissed = try await cli.run(["adjudicate", "accept", interview] + passage + ["--code", "need.safety.night", "--by", "Anna"])
        #expect(acceptDismissed.status != 0
                && acceptDismissed.stderr.contains("code need.safety.night is dismissed for this passage (memo m-"), "\(acceptDismissed.stderr)")
        await #expect((try cli.json("code", "list", "--coder", "Consensus") as? [Any])?.count == 1)
        // A passage must be a segment.
        let inside = ["--start", "\(turns[1]["start"] as! Int)", "--end", "\((turns[1]["start"] as! Int) + 3)"]
        #expect(try await cli.run(["adjudicate", "accept", interview] + inside + ["--code", "barrier", "--by", "Bo"]).status != 0)
        // Unnamed, the compared coders are the independent ones.
        await #expect((try cli.json("agreement") as? [String: Any])?["coders"] as? [String] == ["Anna", "Bo"])
    }

    /// A newcomer's coding in another document is not compared by default, and the table says so
    /// (`DefaultComparedCoders`); named, they are.
    @Test func aNewcomerIsSetAsideAndNamed() async throws {
        let (cli, interview, _) = try await Self.coded()
        let documents = try #require(try await cli.json("documents") as? [[String: Any]])
        let other = try #require(documents.first { $0["id"] as? String != interview && $0["type"] as? String == "interview" }?["id"] as? String)
        let turn = try #require((try await cli.json("segments", other) as? [[String: Any]])?.first { $0["kind"] as? String == "turn" })
        let start = try #require(turn["start"] as? Int)
        #expect(try await cli.run("code", "add", other, "--start", "\(start)", "--end", "\(start + 5)", "--code", "barrier", "--coder", "Cleo").status == 0)
        let table = try await cli.run("agreement")
        #expect(table.stdout.contains("coders: Anna, Bo\nnot compared: Cleo (few of the documents the others share; name them with --coders to compare them too)"), "\(table.stdout)")
        let named = try #require(try await cli.json("agreement", "--coders", "Anna,Bo,Cleo") as? [String: Any])
        #expect(named["coders"] as? [String] == ["Anna", "Bo", "Cleo"] && named["set_aside"] as? [String] == [])
    }

    @Test func agreementTableAndJSON() async throws {
        let (cli, interview, turns) = try await Self.coded()
        let report = try #require(try await cli.json("agreement") as? [String: Any])
        #expect(report["coders"] as? [String] == ["Anna", "Bo"])
        #expect(report["documents"] as? [String] == [interview])
        #expect(Set(report.keys) == ["unit", "coders", "set_aside", "documents", "left_out", "overall", "codes", "disagreements", "consent"])
        #expect(report["set_aside"] as? [String] == [])
        let disagreements = try #require(report["disagreements"] as? [[String: Any]])
        #expect(disagreements.map { $0["start"] as? Int } == [turns[0]["start"] as? Int, turns[1]["start"] as? Int])
        #expect(disagreements.map { $0["not_applied_by"] as? [String] } == [["Bo"], ["Anna"]])

        // One coder agrees with no one: a usage error (it printed a table of n/a rows, status 0).
        let one = try await cli.run("agreement", "--coders", "Anna")
        #expect(one.status == 64 && one.stderr.contains("--coders needs at least two names"))
        // The same name twice is said as such (found by a new user).
        let twice = try await cli.run("agreement", "--coders", "Anna,Anna")
        #expect(twice.status == 64 && twice.stderr.contains("--coders names Anna twice; name at least two different coders"), "\(twice.stderr)")

        let table = try await cli.run("agreement", "--coders", "Anna,Bo", "--code", "need.safety.night")
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("coders: Anna, Bo"))
        #expect(table.stdout.contains("need.safety.night") && table.stdout.contains("1.000"))
        #expect(table.stdout.contains("left out: "))

        // Two coders who share no document: said so (it printed "coded by all: " and nothing).
        let documents = try #require(try await cli.json("documents") as? [[String: Any]])
        let other = try #require(documents.compactMap { $0["id"] as? String }.first { $0 != interview })
        let otherTurn = try #require((try await cli.json("segments", other) as? [[String: Any]])?.first { $0["kind"] as? String == "turn" })
        let start = try #require(otherTurn["start"] as? Int)
        #expect(try await cli.run("code", "add", other, "--start", "\(start)", "--end", "\(start + 5)", "--code", "barrier", "--coder", "Cleo").status == 0)
        let apart = try await cli.run("agreement", "--coders", "Anna,Cleo")
        #expect(apart.stdout.contains("units: none: no document was coded by every one of these coders") && !apart.stdout.contains("coded by all: \n"),
                "\(apart.stdout)")

        let unknown = try await cli.run("agreement", "--code", "no.such.code")
        #expect(unknown.status != 0 && unknown.stderr.contains("no code 'no.such.code' in the codebook"))
        let mixed = try await cli.run("agreement", "--decisions", "x.json", "--code", "need")
        #expect(mixed.status != 0 && mixed.stderr.contains("--decisions takes"))
    }

    @Test func cooccurrenceCSVAndJSON() async throws {
        let (cli, _, _) = try await Self.coded()
        let result = try await cli.run("export", "cooccurrence", "--out", "exports/co.csv")
        #expect(result.status == 0, "\(result.stderr)")
        let csv = try String(contentsOf: cli.workspace.appending(path: "exports/co.csv"), encoding: .utf8)
        #expect(csv == "code_a,code_b,segments_a,segments_b,both,jaccard\r\nneed.safety.night,barrier,1,2,1,0.5\r\n")
        let bo = try #require(try await cli.json("export", "cooccurrence", "--coder", "Bo") as? [String: Any])
        #expect(bo["coder"] as? String == "Bo")
        #expect((bo["pairs"] as? [Any])?.isEmpty == true)
        #expect((bo["codes"] as? [[String: Any]])?.map { $0["segments"] as? Int } == [1, 1])
    }
}
