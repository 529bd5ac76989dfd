import FieldworkCore

/// Participants as REFI-QDA cases: one case per participant, with variables for the role, one
/// yes/no variable per administration (so other tools can filter "supported by social
/// services"), and one text variable per attribute key; each case refers to the sources the
/// participant takes part in.
struct CaseVariables {
    private struct Variable {
        var name: String
        var type: String
        var description: String?
        /// The value for a participant, or nil when the participant has none.
        var value: (Participant) -> (element: String, text: String)?
    }

    private let variables: [Variable]

    init(_ participants: [Participant]) {
        var variables = [Variable(name: "role", type: "Text", description: "Participant role") { ("TextValue", $0.role.rawValue) }]
        let administrations = Set(participants.flatMap(\.administrations))
        for administration in Administration.allCases where administrations.contains(administration) {
            variables.append(Variable(name: "Administration: \(administration.displayName)", type: "Boolean",
                                      description: "Supported by \(administration.displayName) (\(administration.rawValue))") {
                ("BooleanValue", $0.administrations.contains(administration) ? "true" : "false")
            })
        }
        var names = Set(variables.map(\.name))
        for key in Set(participants.flatMap(\.attributes.keys)).sorted() {
            // Names must be unique: a free attribute key may not shadow the fixed variables.
            let name = names.contains(key) ? "\(key) (attribute)" : key
            names.insert(name)
            variables.append(Variable(name: name, type: "Text", description: nil) { participant in
                participant.attributes[key].map { ("TextValue", $0) }
            })
        }
        self.variables = variables
    }

    /// `<Variables>`, or nothing when there are no participants.
    func variablesElement(hasCases: Bool) -> [XElement] {
        guard hasCases else { return [] }
        return [XElement("Variables", children: variables.map { variable in
            XElement("Variable", [("guid", guid(variable)), ("name", variable.name), ("typeOfVariable", variable.type)],
                     children: XElement.text("Description", variable.description))
        })]
    }

    /// `<Cases>`; `sources` maps a participant to the GUIDs of the sources they take part in.
    func casesElement(_ participants: [Participant], sources: [String: [String]]) -> [XElement] {
        guard !participants.isEmpty else { return [] }
        return [XElement("Cases", children: participants.map { participant in
            let values = variables.compactMap { variable -> XElement? in
                guard let (element, text) = variable.value(participant) else { return nil }
                return XElement("VariableValue", children: [
                    XElement("VariableRef", [("targetGUID", guid(variable))]),
                    XElement(element, text: text),
                ])
            }
            let refs = (sources[participant.id] ?? []).map { XElement("SourceRef", [("targetGUID", $0)]) }
            return XElement("Case", [("guid", StableGUID.make(.participant, participant.id)), ("name", participant.id)],
                            children: values + refs)
        })]
    }

    private func guid(_ variable: Variable) -> String {
        StableGUID.make(.variable, variable.name)
    }
}
