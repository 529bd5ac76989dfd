import FieldworkCore
import FieldworkServices
import Foundation

/// `/needs/{id}`: the evidence for one need, its linked solutions with their pilot telemetry
/// (only the devices of residents whose words evidence the need, only days their consent covers,
/// days in the study's time zone), and a form to link another solution.
struct NeedPage {
    let evidence: NeedEvidence
    let catalogue: SolutionCatalogue
    let telemetry: TelemetrySummaryService.Result
    let t: Localizer
    /// During a blind pass, the coder the evidence was narrowed to: a colleague's link is shown
    /// without its rationale and name (a rationale may say what they coded).
    var onlyCoder: String?

    func body() -> SafeHTML {
        let need = evidence.need
        var html: SafeHTML = "<h1>\(need.name) <span class=\"id\">\(need.id)</span></h1>"
        if let description = need.description { html += "<p class=\"hint\">\(description)</p>" }
        html += "<p><a href=\"/handouts/\(need.id)\">\(t.html("need.handout"))</a> · <a href=\"/handouts/\(need.id)?easy_read=1\">\(t.html("need.handoutEasyRead"))</a> · <a href=\"/actors?need=\(need.id)\">\(t.html("actors.title"))</a></p>"
        html += "<dl class=\"definition evidence\">"
        html += item(t("needs.codings"), "\(evidence.codings)")
        html += item(t("need.people"), t.people(evidence.people))
        html += item(t("need.groupNotes"), evidence.groupNotes == 0 ? "" : t("need.groupNotesValue", ["count": String(evidence.groupNotes)]))
        html += item(t("need.administrations"), evidence.administrations.map(t.administration).joined(separator: ", "))
        html += item(t("need.documentTypes"), evidence.documentTypes.map(t.documentType).joined(separator: ", "))
        html += item(t("needs.barriers"), evidence.barriers.map { "\($0.name) (\($0.segments))" }.joined(separator: ", "))
        html += item(t("need.preconditions"), evidence.preconditions.map { "\($0.name) (\($0.segments))" }.joined(separator: ", "))
        html += "</dl>"
        if evidence.evidenceWithheld > 0 {
            html += "<p class=\"hint\">\(t.count("need.evidenceWithheld", evidence.evidenceWithheld))</p>"
        }
        if evidence.codings == 0 {
            let link: SafeHTML = "<a href=\"/retrieval?code=\(need.id)\">\(t.html("nav.retrieval"))</a>"
            html += "<p class=\"empty\">\(t.html("need.noEvidence", raw: ["link": link]))</p>"
        }
        html += "<h2>\(t.html("need.quotes"))</h2>"
        if evidence.quotes.isEmpty { html += "<p class=\"hint\">\(t.html("need.noQuotes"))</p>" }
        html += "<ul class=\"quotes\">"
        for quote in evidence.quotes {
            html += "<li><blockquote>\(quote.text)</blockquote><p class=\"source\">\(quote.participants.joined(separator: ", ")) · <a href=\"/documents/\(quote.documentID)\">\(quote.documentTitle)</a></p></li>"
        }
        html += "</ul>"
        if evidence.quotesWithheld > 0 {
            html += "<p class=\"hint\">\(t.count("need.withheld", evidence.quotesWithheld))</p>"
        }
        html += "<h2>\(t.html("need.linked"))</h2>"
        if evidence.links.isEmpty {
            // Where links are made: the form below, or the CLI.
            let form: SafeHTML = "<a href=\"#link-solution-title\">\(t.html("need.link"))</a>"
            html += "<p class=\"hint\">\(t.html("need.noLinks", raw: ["form": form, "command": LinkCommandHTML.link(need: need.id)]))</p>"
        }
        html += "<ul class=\"links\">"
        for link in evidence.links {
            let name = catalogue[link.solutionID]?.name ?? link.solutionID
            let hidden = onlyCoder.map { $0 != link.linkedBy } ?? false
            let rationale: SafeHTML = hidden ? "<p class=\"hint\">\(t.html("need.linkHidden"))</p>" : "<p class=\"memo-text\">\(link.rationale)</p>"
            html += "<li class=\"need-link\" data-solution=\"\(link.solutionID)\" data-status=\"\(link.status.rawValue)\"><p><a href=\"/solutions#\(link.solutionID)\">\(name)</a> · <span class=\"status\">\(t.linkStatus(link.status))</span>\(hidden ? "" : " · \(link.linkedBy)")</p>\(rationale)\(unlinkButton(name))\(link.status == .rejected ? SafeHTML() : charts(for: link.solutionID))</li>"
        }
        html += "</ul>" + form()
        return html + "<script type=\"module\" src=\"/static/needs.js\"></script>"
    }

    /// Removes the link (`DELETE /api/needs/{id}/links/{solution}`, needs.js asks first); the
    /// label names the solution, since every link has one.
    private func unlinkButton(_ solutionName: String) -> SafeHTML {
        "<p><button type=\"button\" class=\"unlink\" aria-label=\"\(t.html("need.unlinkLabel", ["solution": solutionName]))\">\(t.html("need.unlink"))</button></p>"
    }

    private func item(_ term: String, _ value: String) -> SafeHTML {
        "<dt>\(term)</dt><dd>\(value.isEmpty ? "—" : value)</dd>"
    }

    static let titleKey: [DailyAggregate: String] = [.readings: "need.dailyReadings", .total: "need.dailyTotal", .mean: "need.dailyMean"]

    /// One chart per device and metric of the solution, each day as `DailyAggregate` says: bars of
    /// reports (yes/no signals) or of totals (movements, steps), a line of means (levels). A rejected solution's
    /// devices are not charted: they say nothing about how the need is met.
    private func charts(for solutionID: String) -> SafeHTML {
        guard let series = telemetry.series(ofSolution: solutionID) else { return SafeHTML() }
        guard !series.isEmpty else { return "<p class=\"hint\">\(t.html("need.noTelemetry"))</p>" }
        let solution = catalogue[solutionID]
        var html: SafeHTML = "<div class=\"charts\">"
        var inactivityShown: Set<String> = []
        for points in series {
            guard let first = points.first else { continue }
            let signal = solution?.metric(named: first.metric)?.signal
            if signal == .door {
                html += nightTimeline(device: first.device, metric: first.metric)
                continue
            }
            let aggregate = DailyAggregate.of(signal: signal, unit: first.unit)
            if signal == .activity, inactivityShown.insert(first.device).inserted { html += inactivity(device: first.device) }
            let title = "\(first.device) · \(first.metric) · " + t(Self.titleKey[aggregate] ?? "need.dailyMean")
            let chart = TelemetryChart(title: title, kind: aggregate == .mean ? .line : .bars,
                                       points: points.map { ($0.start, aggregate.value(count: $0.count, mean: $0.mean)) },
                                       unit: aggregate == .readings ? nil : first.unit.map(t.senmlUnit))
            // One day is a value, not a trend: said in words, never drawn as a lone point.
            guard points.count > 1 else {
                html += "<p class=\"reading\">\(t.html("need.singleReading", ["title": title, "day": first.start, "value": chart.valueText(chart.points[0].value)]))</p>"
                continue
            }
            html += "<figure class=\"chart\">\(chart.svg())<figcaption>\(title)</figcaption>\(dataTable(chart))</figure>"
        }
        return html + "</div>"
    }

    /// A door is about the nights: one mark per opening between 22:00 and 06:00 in the study's
    /// time zone, not openings and closings per day; beside it the openings as a table.
    private func nightTimeline(device: String, metric: String) -> SafeHTML {
        // The zone is named wherever a time is shown: the study's, not the reader's or UTC.
        let zone = ["zone": telemetry.timeZone.identifier]
        let title = "\(device) · \(metric) · " + t("need.nightOpenings", zone)
        let events = telemetry.nightOpenings(of: device)
        let timeline = NightTimeline(title: title, events: events, zone: telemetry.timeZone)
        guard !timeline.marks.isEmpty else { return "<p class=\"reading\">\(t.html("need.noNightOpenings", ["title": title]))</p>" }
        var table: SafeHTML = "<table class=\"visually-hidden\"><caption>\(title)</caption><thead><tr><th scope=\"col\">\(t.html("need.chartNight"))</th><th scope=\"col\">\(t.html("need.chartTime", zone))</th></tr></thead><tbody>"
        for mark in timeline.marks {
            table += "<tr><th scope=\"row\">\(mark.night)</th><td>\(mark.time)</td></tr>"
        }
        return "<figure class=\"chart\">\(timeline.svg())<figcaption>\(title)</figcaption>\(table)</tbody></table></figure>"
    }

    /// Periods without activity against the device type's threshold (after its chart's place).
    private func inactivity(device: String) -> SafeHTML {
        InactivityNote(device: device, hours: telemetry.inactivityHours[device] ?? InactivityThresholds.defaults.defaultHours,
                       events: telemetry.events.filter { $0.kind == .noActivity && $0.device == device }, zone: telemetry.timeZone, t: t).html()
    }

    /// The chart's numbers as a table for screen readers (the SVG is one labelled image).
    private func dataTable(_ chart: TelemetryChart) -> SafeHTML {
        var html: SafeHTML = "<table class=\"visually-hidden\"><caption>\(chart.title)</caption><thead><tr><th scope=\"col\">\(t.html("need.chartDay"))</th><th scope=\"col\">\(t.html("need.chartValue"))</th></tr></thead><tbody>"
        for point in chart.points {
            html += "<tr><th scope=\"row\">\(point.label)</th><td>\(chart.valueText(point.value))</td></tr>"
        }
        return html + "</tbody></table>"
    }

    private func form() -> SafeHTML {
        var html: SafeHTML = "<h2 id=\"link-solution-title\">\(t.html("need.link"))</h2><form id=\"link-solution\" class=\"filters\" aria-labelledby=\"link-solution-title\" data-need=\"\(evidence.need.id)\">"
        html += "<label>\(t.html("need.solution")) <select name=\"solution\" required>"
        for solution in catalogue.solutions {
            html += "<option value=\"\(solution.id)\">\(solution.name)</option>"
        }
        html += "</select></label><label>\(t.html("need.status")) <select name=\"status\">"
        for status in NeedSolutionLink.Status.allCases {
            html += "<option value=\"\(status.rawValue)\">\(t.linkStatus(status))</option>"
        }
        html += "</select></label><label>\(RequiredMark.label(t.html("need.rationale"), t: t)) <textarea name=\"rationale\" rows=\"3\" required aria-required=\"true\"></textarea></label>"
        return html + "<button type=\"submit\">\(t.html("need.linkButton"))</button><p class=\"form-status\" role=\"status\" aria-live=\"polite\"></p></form>"
    }
}
