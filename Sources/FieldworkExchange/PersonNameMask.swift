import Foundation

/// The names of cases that look like a person's (`CaseParticipants.personNames`), kept out of
/// what an import writes: a source named "Interview Maria.docx" of case "Maria Larsson" becomes
/// "Interview C01.docx", and a speaker label "Maria" is known as that person. A name counts
/// whole and by each of its words of two letters or more, compared without case.
struct PersonNameMask {
    private struct Entry {
        let name: String
        let words: Set<String>
        let participant: String
    }

    private let entries: [Entry]

    init(_ names: [(name: String, participant: String)]) {
        entries = names.map { name, participant in
            Entry(name: name, words: Set(Self.words(of: name).filter { $0.count >= 2 }.map { $0.lowercased() }), participant: participant)
        }
    }

    /// The text with each whole name, then each word of a name, replaced by the participant's id.
    func masked(_ text: String) -> String {
        var result = text
        for entry in entries {
            result = result.replacingOccurrences(of: entry.name, with: entry.participant, options: [.caseInsensitive])
            var output = ""
            var word = ""
            func flush() {
                output += entry.words.contains(word.lowercased()) ? entry.participant : word
                word = ""
            }
            for character in result {
                if character.isLetter { word.append(character) } else { flush(); output.append(character) }
            }
            flush()
            result = output
        }
        return result
    }

    /// Whether the label is one of the names, or a word of one.
    func holds(_ label: String) -> Bool { participant(of: label) != nil }

    /// The participant whose name the label is (or a word of it).
    func participant(of label: String) -> String? {
        let folded = label.trimmingCharacters(in: .whitespaces).lowercased()
        return entries.first { $0.name.lowercased() == folded || $0.words.contains(folded) }?.participant
    }

    private static func words(of name: String) -> [String] {
        name.split { !$0.isLetter }.map(String.init)
    }
}
