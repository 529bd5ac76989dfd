import Foundation
import FieldworkServices

/// `fieldwork agreement` for people: who and what was compared, the statistics per code and
/// pooled, each pair of coders, and the disputed segments.
enum AgreementTable {
    static func print(_ result: AgreementOutput) {
        Swift.print("coders: \(result.coders.joined(separator: ", "))")
        if !result.setAside.isEmpty {
            Swift.print("not compared: \(result.setAside.joined(separator: ", ")) (few of the documents the others share; name them with --coders to compare them too)")
        }
        // No document coded by every one of them: say so, not "coded by all: " and nothing.
        Swift.print(result.documents.isEmpty
            ? "units: none: no document was coded by every one of these coders; leave out a coder with few codings (--coders)"
            : "units: segments of \(result.documents.count) document\(result.documents.count == 1 ? "" : "s") coded by all: "
                + result.documents.joined(separator: " "))
        for left in result.leftOut {
            let by = left.codedBy.isEmpty ? "none of them" : left.codedBy.joined(separator: ", ")
            Swift.print("left out: \(left.document) (coded by \(by))")
        }
        Swift.print("")
        let summaries = [result.overall] + result.codes
        TableOutput.print(["code", "units", "agreement", "fleiss_kappa", "krippendorff_alpha", "note"], summaries.map { summary in
            [summary.code ?? "overall (pooled)", "\(summary.units)", number(summary.percentAgreement),
             number(summary.fleissKappa), number(summary.krippendorffAlpha), note(summary.undefined)]
        })
        if result.coders.count > 1 {
            Swift.print("")
            TableOutput.print(["code", "coders", "agreement", "cohen_kappa", "note"], summaries.flatMap { summary in
                summary.pairs.map {
                    [summary.code ?? "overall (pooled)", $0.coders.joined(separator: " + "), number($0.percentAgreement),
                     number($0.cohenKappa), note($0.undefined)]
                }
            })
        }
        guard !result.disagreements.isEmpty else { return }
        Swift.print("")
        TableOutput.print(["document", "segment", "span", "code", "applied by", "not applied by"], result.disagreements.map {
            [$0.document, "\($0.segment)", "\($0.start)-\($0.end)", $0.code, $0.appliedBy.joined(separator: ", "),
             $0.notAppliedBy.joined(separator: ", ")]
        })
    }

    static func number(_ value: Double?) -> String {
        value.map { String(format: "%.3f", $0) } ?? "n/a"
    }

    /// Why values are missing: each distinct reason once.
    static func note(_ undefined: [String: String]) -> String {
        var seen = Set<String>()
        return undefined.sorted { $0.key < $1.key }.map(\.value).filter { seen.insert($0).inserted }.joined(separator: "; ")
    }
}
