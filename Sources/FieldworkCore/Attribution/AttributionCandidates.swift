extension PassageAttributor {
    /// Every id the attribution of these segments may ask the register about: each speaker,
    /// each name in a note's closing parenthesis and in a roster line, and the front matter's
    /// participants. Found by attributing as if every name were a participant, which asks about
    /// every name the real attribution could ask about (it stops at the first unknown one), so
    /// an attributor built with the register's entries for these ids alone attributes every
    /// passage exactly as one built with the whole register: a document open reads only these.
    public static func candidates(segments: [Segment], text: ScalarText, named: [String]) -> Set<String> {
        var asked = Set(named)
        let everyone: (String) -> Bool = { asked.insert($0); return true }
        for segment in segments {
            if let speaker = segment.speaker {
                asked.insert(speaker)
                continue
            }
            let words = text[segment.span]
            _ = namedAuthors(in: words, isParticipant: everyone)
            if segment.kind == .paragraph, !segment.headingPath.isEmpty {
                _ = GroupRoster.declaredMembers(in: words, isParticipant: everyone)
            }
        }
        return asked
    }

    /// Whose words each segment holds (`attribute(_:text:).participants`), by position.
    public func people(of segments: [Segment], text: ScalarText) -> [[String]] {
        segments.map { attribute($0, text: text[$0.span]).participants }
    }
}
