import FieldworkCore

extension WorkshopPlan {
    /// The plan as its handouts print it: a pack's cover and every station leave the research
    /// team, so the identifiers of `corpus/redactions.yaml` are replaced in what they show —
    /// title, place, agenda and station names (a place such as "Norrby träffpunkt" was printed
    /// as written; found by a new user).
    public func redacted(with redactions: Redactions) -> WorkshopPlan {
        guard !redactions.isEmpty else { return self }
        let clean = { (text: String) in redactions.apply(text).text }
        var plan = self
        plan.title = clean(title)
        plan.place = place.map(clean)
        plan.agenda = agenda.map(clean)
        plan.stations = stations.map { station in
            var station = station
            station.name = clean(station.name)
            return station
        }
        return plan
    }
}
