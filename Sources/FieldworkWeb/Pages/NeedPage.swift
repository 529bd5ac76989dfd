import FieldworkCore
import FieldworkServices

/// `/needs/{id}`: the evidence for one need, its linked solutions with their pilot telemetry
/// (only the devices of residents whose words evidence the need, only days their consent covers,
/// days in the study's time zone), and a form to link another solution.
struct NeedPage {
    let evidence: NeedEvidence
    let catalogue: SolutionCatalogue
    let telemetry: TelemetrySummaryService.Result
    let t: Localizer

    func body() -> String {
        let need = evidence.need
        var html = "<h1>\(HTML.escape(need.name)) <span class=\"id\">\(HTML.escape(need.id))</span></h1>"
        if let description = need.description { html += "<p class=\"hint\">\(HTML.escape(description))</p>" }
        html += "<p><a href=\"/handouts/\(HTML.escape(need.id))\">\(t.html("need.handout"))</a> · <a href=\"/handouts/\(HTML.escape(need.id))?easy_read=1\">\(t.html("need.handoutEasyRead"))</a> · <a href=\"/actors?need=\(HTML.escape(need.id))\">\(t.html("actors.title"))</a></p>"
        html += "<dl class=\"definition evidence\">"
        html += item(t("needs.codings"), "\(evidence.codings)")
        html += item(t("need.people"), t.people(evidence.people))
        html += item(t("need.groupNotes"), evidence.groupNotes == 0 ? "" : t("need.groupNotesValue", ["count": String(evidence.groupNotes)]))
        html += item(t("need.administrations"), evidence.administrations.map(t.administration).joined(separator: ", "))
        html += item(t("need.documentTypes"), evidence.documentTypes.map(t.documentType).joined(separator: ", "))
        html += item(t("needs.barriers"), evidence.barriers.map { "\($0.name) (\($0.segments))" }.joined(separator: ", "))
        html += item(t("need.preconditions"), evidence.preconditions.map { "\($0.name) (\($0.segments))" }.joined(separator: ", "))
        html += "</dl>"
        if evidence.codings == 0 {
            html += "<p class=\"empty\">\(t.html("need.noEvidence", raw: ["link": "<a href=\"/retrieval?code=\(HTML.escape(need.id))\">\(t.html("nav.retrieval"))</a>"]))</p>"
        }
        html += "<h2>\(t.html("need.quotes"))</h2>"
        if evidence.quotes.isEmpty { html += "<p class=\"hint\">\(t.html("need.noQuotes"))</p>" }
        html += "<ul class=\"quotes\">"
        for quote in evidence.quotes {
            html += "<li><blockquote>\(HTML.escape(quote.text))</blockquote><p class=\"source\">\(HTML.escape(quote.participants.joined(separator: ", "))) · <a href=\"/documents/\(HTML.escape(quote.documentID))\">\(HTML.escape(quote.documentTitle))</a></p></li>"
        }
        html += "</ul>"
        if evidence.quotesWithheld > 0 {
            html += "<p class=\"hint\">\(HTML.escape(t.count("need.withheld", evidence.quotesWithheld)))</p>"
        }
        html += "<h2>\(t.html("need.linked"))</h2>"
        if evidence.links.isEmpty { html += "<p class=\"hint\">\(t.html("need.noLinks"))</p>" }
        html += "<ul class=\"links\">"
        for link in evidence.links {
            let name = catalogue[link.solutionID]?.name ?? link.solutionID
            html += "<li class=\"need-link\" data-solution=\"\(HTML.escape(link.solutionID))\"><p><a href=\"/solutions#\(HTML.escape(link.solutionID))\">\(HTML.escape(name))</a> · <span class=\"status\">\(HTML.escape(link.status.rawValue))</span> · \(HTML.escape(link.linkedBy))</p><p class=\"memo-text\">\(HTML.escape(link.rationale))</p>\(unlinkButton(name))\(link.status == .rejected ? "" : charts(for: link.solutionID))</li>"
        }
        html += "</ul>" + form()
        return html + "<script type=\"module\" src=\"/static/needs.js\"></script>"
    }

    /// Removes the link (`DELETE /api/needs/{id}/links/{solution}`, needs.js asks first); the
    /// label names the solution, since every link has one.
    private func unlinkButton(_ solutionName: String) -> String {
        "<p><button type=\"button\" class=\"unlink\" aria-label=\"\(t.html("need.unlinkLabel", ["solution": solutionName]))\">\(t.html("need.unlink"))</button></p>"
    }

    private func item(_ term: String, _ value: String) -> String {
        "<dt>\(HTML.escape(term))</dt><dd>\(value.isEmpty ? "—" : HTML.escape(value))</dd>"
    }

    /// One chart per device and metric of the solution: daily counts for door and activity
    /// signals (how often), daily means for measurements (how much). A rejected solution's
    /// devices are not charted: they say nothing about how the need is met.
    private func charts(for solutionID: String) -> String {
        let devices = Set(telemetry.devices.filter { $0.solutionID == solutionID }.map(\.name))
        let rows = telemetry.rows.filter { devices.contains($0.device) }
        guard !rows.isEmpty else { return devices.isEmpty ? "" : "<p class=\"hint\">\(t.html("need.noTelemetry"))</p>" }
        let solution = catalogue[solutionID]
        var html = "<div class=\"charts\">"
        var inactivityShown: Set<String> = []
        let series = Dictionary(grouping: rows) { "\($0.device)\u{0}\($0.metric)" }
        for key in series.keys.sorted() {
            guard let points = series[key], let first = points.first else { continue }
            let signal = solution?.metric(named: first.metric)?.signal
            if signal == .door {
                html += nightTimeline(device: first.device, metric: first.metric)
                continue
            }
            let counts = signal != nil
            if signal == .activity, inactivityShown.insert(first.device).inserted { html += inactivity(device: first.device).rendered }
            let title = "\(first.device) · \(first.metric) · " + t(counts ? "need.dailyReadings" : "need.dailyMean")
            let chart = TelemetryChart(title: title, kind: counts ? .bars : .line,
                                       points: points.map { ($0.start, counts ? Double($0.count) : $0.mean) }, unit: counts ? nil : first.unit)
            // One day is a value, not a trend: said in words, never drawn as a lone point.
            guard points.count > 1 else {
                html += "<p class=\"reading\">\(t.html("need.singleReading", ["title": title, "day": first.start, "value": chart.valueText(chart.points[0].value)]))</p>"
                continue
            }
            html += "<figure class=\"chart\">\(chart.svg())<figcaption>\(HTML.escape(title))</figcaption>\(dataTable(chart))</figure>"
        }
        return html + "</div>"
    }

    /// A door is about the nights: one mark per opening between 22:00 and 06:00 in the study's
    /// time zone, not openings and closings per day; beside it the openings as a table.
    private func nightTimeline(device: String, metric: String) -> String {
        let title = "\(device) · \(metric) · " + t("need.nightOpenings")
        let events = telemetry.events.filter { $0.kind == .doorAtNight && $0.device == device }
        let timeline = NightTimeline(title: title, events: events, zone: telemetry.timeZone)
        guard !timeline.marks.isEmpty else { return "<p class=\"reading\">\(t.html("need.noNightOpenings", ["title": title]))</p>" }
        var table = "<table class=\"visually-hidden\"><caption>\(HTML.escape(title))</caption><thead><tr><th scope=\"col\">\(t.html("need.chartNight"))</th><th scope=\"col\">\(t.html("need.chartTime"))</th></tr></thead><tbody>"
        for mark in timeline.marks {
            table += "<tr><th scope=\"row\">\(HTML.escape(mark.night))</th><td>\(HTML.escape(mark.time))</td></tr>"
        }
        return "<figure class=\"chart\">\(timeline.svg())<figcaption>\(HTML.escape(title))</figcaption>\(table)</tbody></table></figure>"
    }

    /// Periods without activity against the device type's threshold (after its chart's place).
    private func inactivity(device: String) -> SafeHTML {
        InactivityNote(device: device, hours: telemetry.inactivityHours[device] ?? InactivityThresholds.defaults.defaultHours,
                       events: telemetry.events.filter { $0.kind == .noActivity && $0.device == device }, zone: telemetry.timeZone, t: t).html()
    }

    /// The chart's numbers as a table for screen readers (the SVG is one labelled image).
    private func dataTable(_ chart: TelemetryChart) -> String {
        var html = "<table class=\"visually-hidden\"><caption>\(HTML.escape(chart.title))</caption><thead><tr><th scope=\"col\">\(t.html("need.chartDay"))</th><th scope=\"col\">\(t.html("need.chartValue"))</th></tr></thead><tbody>"
        for point in chart.points {
            html += "<tr><th scope=\"row\">\(HTML.escape(point.label))</th><td>\(HTML.escape(chart.valueText(point.value)))</td></tr>"
        }
        return html + "</tbody></table>"
    }

    private func form() -> String {
        var html = "<h2>\(t.html("need.link"))</h2><form id=\"link-solution\" class=\"filters\" data-need=\"\(HTML.escape(evidence.need.id))\">"
        html += "<label>\(t.html("need.solution")) <select name=\"solution\" required>"
        for solution in catalogue.solutions {
            html += "<option value=\"\(HTML.escape(solution.id))\">\(HTML.escape(solution.name))</option>"
        }
        html += "</select></label><label>\(t.html("need.status")) <select name=\"status\">"
        for status in NeedSolutionLink.Status.allCases {
            html += "<option value=\"\(status.rawValue)\">\(status.rawValue)</option>"
        }
        html += "</select></label><label>\(t.html("need.rationale")) <textarea name=\"rationale\" rows=\"2\" required></textarea></label>"
        return html + "<button type=\"submit\">\(t.html("need.linkButton"))</button><p class=\"form-status\" role=\"status\" aria-live=\"polite\"></p></form>"
    }
}
